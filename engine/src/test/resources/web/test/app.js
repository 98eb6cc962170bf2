console.log("ringside");
