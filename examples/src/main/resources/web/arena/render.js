// Draws one frame of the arena on a 2D canvas whose size is the arena's (CSS scales it to the window).
// `scale` is CSS pixels per arena unit: names and bars keep a readable on-screen size however small the
// canvas is shown.

const SELF = '#ffd166';
const PEOPLE = '#4cc9f0';
const BOTS = '#ef476f';

export function draw(ctx, rules, view, selfId, scale = 1) {
  ctx.fillStyle = '#14161f';
  ctx.fillRect(0, 0, rules.width, rules.height);
  drawGrid(ctx, rules);
  ctx.fillStyle = '#3a3f58';
  for (const wall of rules.walls) {
    ctx.fillRect(wall.x, wall.y, wall.width, wall.height);
  }
  ctx.fillStyle = '#f8f9fa';
  for (const p of view.projectiles) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, rules.projectileRadius, 0, Math.PI * 2);
    ctx.fill();
  }
  for (const player of view.players) {
    drawPlayer(ctx, rules, player, player.id === selfId ? SELF : player.bot ? BOTS : PEOPLE, scale);
  }
}

function drawGrid(ctx, rules) {
  ctx.strokeStyle = '#1d2030';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = 0; x <= rules.width; x += 50) {
    ctx.moveTo(x, 0);
    ctx.lineTo(x, rules.height);
  }
  for (let y = 0; y <= rules.height; y += 50) {
    ctx.moveTo(0, y);
    ctx.lineTo(rules.width, y);
  }
  ctx.stroke();
}

/** The name's font size in arena units for `scale`: at least 12 CSS pixels on screen. */
export function nameFontSize(scale) {
  return Math.max(12, 12 / scale);
}

function drawPlayer(ctx, rules, player, color, scale) {
  if (!player.alive) {
    return;
  }
  const r = rules.playerRadius;
  // away: the player's connection dropped and the server holds the ship for a reconnect
  ctx.globalAlpha = player.away ? 0.35 : 1;
  ctx.save();
  ctx.translate(player.x, player.y);
  ctx.rotate(player.aim);
  ctx.fillStyle = color;
  ctx.fillRect(r - 4, -4, 14, 8);
  ctx.beginPath();
  ctx.arc(0, 0, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
  const health = player.health / rules.maxHealth;
  const bar = Math.max(5, 4 / scale);
  ctx.fillStyle = '#000a';
  ctx.fillRect(player.x - r, player.y - r - 7 - bar, 2 * r, bar);
  ctx.fillStyle = health > 0.5 ? '#06d6a0' : health > 0.25 ? '#ffd166' : '#ef476f';
  ctx.fillRect(player.x - r, player.y - r - 7 - bar, 2 * r * health, bar);
  const font = nameFontSize(scale);
  ctx.fillStyle = '#dee2e6';
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText(player.away ? `${player.name} (away)` : player.name, player.x, player.y + r + 2 + font);
  ctx.globalAlpha = 1;
}
