// The page: joins the "dots" room, draws the room's replicated state (Dot and Star entities of
// game.proto) from the client's mirror, and sends a MoveTo where the player clicks.
import { RingsideClient, loadProtos } from '/ringside/client.js';

const MOVE_TO = 1; // GameMessage.type of MoveTo, as in game.proto and DotsRoom.MOVE_TO
const DOT = 'game.Dot';
const STAR = 'game.Star';

const root = await loadProtos('game.proto');
const MoveTo = root.lookupType('game.MoveTo');
const client = new RingsideClient(root);
const canvas = document.getElementById('field');
const ctx = canvas.getContext('2d');
const status = document.getElementById('status');
const scores = document.getElementById('scores');
let mySessionId = null;

client.on('joined', (joined) => {
  mySessionId = joined.sessionId;
  status.textContent = `in room ${joined.roomId}`;
});
client.on('rtt', (ms) => { status.textContent = `RTT ${ms.toFixed(1)} ms`; });
client.on('close', ({ reconnecting }) => { status.textContent = reconnecting ? 'reconnecting…' : 'disconnected'; });
client.on('error', (error) => { status.textContent = `error: ${error.message}`; });
client.mirror.onAdd(DOT, () => showScores());
client.mirror.onRemove(DOT, () => showScores());
client.mirror.onChange(DOT, (dot, fields) => { if (fields.includes('score')) showScores(); });

canvas.addEventListener('click', (event) => {
  const box = canvas.getBoundingClientRect();
  const x = (event.clientX - box.left) * (canvas.width / box.width);
  const y = (event.clientY - box.top) * (canvas.height / box.height);
  client.send(MOVE_TO, MoveTo, { x, y });
});

function showScores() {
  const dots = [...client.mirror.entities(DOT).values()].sort((a, b) => b.score - a.score);
  scores.replaceChildren(...dots.map((dot) => {
    const item = document.createElement('li');
    item.textContent = `${dot.name}: ${dot.score}`;
    item.style.color = `hsl(${dot.hue} 80% 65%)`;
    return item;
  }));
}

function draw() {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  for (const star of client.mirror.entities(STAR).values()) {
    ctx.fillStyle = '#ffd54a';
    ctx.beginPath();
    ctx.arc(star.x, star.y, 8, 0, Math.PI * 2);
    ctx.fill();
  }
  for (const dot of client.mirror.entities(DOT).values()) {
    ctx.fillStyle = `hsl(${dot.hue} 80% 60%)`;
    ctx.beginPath();
    ctx.arc(dot.x, dot.y, 12, 0, Math.PI * 2);
    ctx.fill();
    if (dot.playerId === mySessionId) {
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    ctx.fillStyle = '#ddd';
    ctx.fillText(dot.name, dot.x + 15, dot.y + 4);
  }
  requestAnimationFrame(draw);
}

requestAnimationFrame(draw);
const name = new URLSearchParams(location.search).get('name') ?? `guest-${Math.floor(Math.random() * 1000)}`;
await client.connect();
client.join({ roomType: 'dots', options: { name } });
