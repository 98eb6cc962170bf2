// The arena's browser client: joins the "arena" room, sends one Input per server tick, keeps the room's
// replicated state (Fighter and Projectile entities of arena.proto) in the client's mirror, predicts its
// own body, interpolates everybody else, and draws at the display's frame rate. After a dropped connection
// the client reconnects and takes the old seat (same ship, same score) back with its reconnect token; the
// banner says whether that worked ("Back in the game") or the page had to join afresh.

import { RingsideClient, loadProtos } from '/ringside/client.js';
import { InputSequencer } from '/ringside/prediction.js';
import { Controls } from './input.js';
import { Interpolator } from './interpolation.js';
import { Predictor } from './prediction.js';
import { draw, nameFontSize } from './render.js';
import { Feedback } from './feedback.js';
import { Hud } from './hud.js';

// GameMessage.type numbers, as in arena.proto and ArenaMessages.java
const INPUT = 1;
const WELCOME = 2;
const FIGHTER = 'ringside.examples.arena.Fighter';
const PROJECTILE = 'ringside.examples.arena.Projectile';
const MAX_INPUTS_PER_FRAME = 3;

const root = await loadProtos('arena.proto');
const Input = root.lookupType('ringside.examples.arena.Input');
const Welcome = root.lookupType('ringside.examples.arena.Welcome');
const asObject = (type, bytes) => type.toObject(type.decode(bytes), { defaults: true, longs: Number, arrays: true });

const canvas = document.getElementById('arena');
const ctx = canvas.getContext('2d');
const controls = new Controls(canvas);
const hud = new Hud();
const client = new RingsideClient(root);
const params = new URLSearchParams(location.search);
const name = (params.get('name') ?? localStorage.getItem('ringside.arena.name')
  ?? `guest-${Math.floor(Math.random() * 1000)}`).slice(0, 16);
const feedback = new Feedback();

// the name field: a new name joins afresh under it (and is remembered for the next visit)
document.getElementById('name').value = name;
document.getElementById('name-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const wanted = document.getElementById('name').value.trim().slice(0, 16);
  if (wanted) {
    localStorage.setItem('ringside.arena.name', wanted);
    location.search = `?name=${encodeURIComponent(wanted)}`;
  }
});

// CSS pixels per arena unit, as the canvas is shown now
const canvasScale = () => (canvas.clientWidth > 0 ? canvas.clientWidth / canvas.width : 1);

let game = null;
// one numbering for the page's life, across rejoins: the server ignores inputs not newer than the last
const inputs = new InputSequencer();
const joins = { fresh: 0, resumed: 0 };

function start(welcome) {
  canvas.width = welcome.width;
  canvas.height = welcome.height;
  game = {
    rules: welcome,
    selfId: welcome.yourId,
    tickMs: 1000 / welcome.tickRateHz,
    predictor: new Predictor(welcome),
    interpolator: new Interpolator(welcome.tickRateHz),
    latest: null,
    self: null,
    dueMs: 0,
    snapshots: 0,
  };
}

// The mirror's entities as one plain snapshot of the world (the mirror's objects change in place; the
// interpolation buffer keeps copies): players keyed by their session id, shots with their owner's.
function snapshotOf(mirror) {
  const players = [];
  for (const f of mirror.entities(FIGHTER).values()) {
    players.push({
      id: f.playerId, name: f.name, bot: f.bot, x: f.x, y: f.y, aim: f.aim, health: f.health, alive: f.alive,
      away: f.away, score: f.score, deaths: f.deaths, lastInputSeq: f.lastInputSeq,
    });
  }
  const projectiles = [];
  for (const [id, p] of mirror.entities(PROJECTILE)) {
    projectiles.push({ id, ownerId: mirror.get(p.owner)?.playerId ?? null, x: p.x, y: p.y, vx: p.vx, vy: p.vy });
  }
  return { tick: mirror.tick, players, projectiles };
}

function onSnapshot(snapshot, now) {
  game.latest = snapshot;
  game.latestAt = now;
  game.snapshots++;
  hud.countSnapshot(now);
  game.interpolator.push(snapshot, now);
  game.self = snapshot.players.find((p) => p.id === game.selfId) ?? null;
  feedback.observe(snapshot.players, game.selfId, now);
  if (game.self) {
    game.predictor.reconcile(game.self);
  }
}

function sendInputs(now) {
  if (!game.self?.alive || !client.room) {
    game.dueMs = now;
    return;
  }
  for (let sent = 0; game.dueMs <= now && sent < MAX_INPUTS_PER_FRAME; sent++) {
    const input = inputs.next(controls.read(game.predictor.position));
    game.predictor.apply(input);
    client.send(INPUT, Input, input);
    game.dueMs += game.tickMs;
  }
  if (game.dueMs < now) {
    game.dueMs = now; // a stalled tab does not owe the server a burst
  }
}

// Our own body is drawn in the present (predicted), so our shots are too: extrapolated from the latest
// snapshot along their straight flight, instead of 100 ms in the past like everything else.
function presentOwnShots(interpolated, now) {
  if (!game.latest) {
    return interpolated;
  }
  const aheadS = (now - game.latestAt + (Number.isNaN(client.rttMs) ? 0 : client.rttMs / 2)) / 1000;
  const own = game.latest.projectiles.filter((p) => p.ownerId === game.selfId)
    .map((p) => ({ ...p, x: p.x + p.vx * aheadS, y: p.y + p.vy * aheadS }));
  return interpolated.filter((p) => p.ownerId !== game.selfId).concat(own);
}

function frame(now) {
  hud.countFrame(now);
  hud.countBytes(now, client.bytesReceived);
  if (game) {
    sendInputs(now);
    const view = game.interpolator.sample(now);
    view.projectiles = presentOwnShots(view.projectiles, now);
    const own = view.players.find((p) => p.id === game.selfId);
    if (own && own.alive && game.predictor.position) {
      Object.assign(own, game.predictor.position, { aim: controls.read(game.predictor.position).aim });
    }
    const scale = canvasScale();
    draw(ctx, game.rules, view, game.selfId, scale);
    feedback.draw(ctx, game.rules, now, scale);
    hud.update({ client, tick: game.latest?.tick ?? 0, players: game.latest?.players ?? [], selfId: game.selfId,
      maxHealth: game.rules.maxHealth });
  }
  requestAnimationFrame(frame);
}

client.on('game', (type, payload) => {
  if (type === WELCOME) {
    start(asObject(Welcome, payload));
  }
});
client.on('state', (mirror) => {
  if (game) {
    onSnapshot(snapshotOf(mirror), performance.now());
  }
});
client.on('stateError', (error) => hud.showStatus(`State out of step: ${error.message}`));
client.on('left', (left) => hud.showStatus(`Left the room: ${client.leaveReasonName(left.reason)} ${left.message}`));
client.on('error', (error) => hud.showStatus(`Server error ${client.errorCodeName(error.code)}: ${error.message}`));
client.on('joined', (joined, { resumed, reconnected }) => {
  joins[resumed ? 'resumed' : 'fresh']++;
  if (resumed) {
    hud.flashStatus('Back in the game');
  } else if (reconnected) {
    hud.flashStatus('Joined a new game (the old seat was gone)');
  } else {
    hud.hideStatus();
  }
});
client.on('close', ({ code, reason, reconnecting, takenOver }) => {
  const why = `${code}${reason ? ' ' + reason : ''}`;
  if (takenOver) {
    // final: the seat plays on in another tab or window; a click here joins afresh, it does not take it back
    hud.showStatus(`Playing in another tab or window now (${why})`, () => client.reconnect().catch(() => {}),
      'Play here');
  } else {
    hud.showStatus(`Disconnected (${why})${reconnecting ? ', reconnecting…' : ''}`,
      reconnecting ? null : () => client.reconnect().catch(() => {}));
  }
});

// what the browser tests read and drive; harmless for players
window.ringsideArena = {
  client,
  setInput: (input) => controls.setOverride(input),
  state: () => ({
    joined: client.room !== null,
    sessionId: client.room?.sessionId ?? null,
    joins: { ...joins },
    status: document.getElementById('status').hidden ? null : document.getElementById('status-text').textContent,
    lastStatus: hud.lastStatus,
    selfId: game?.selfId ?? null,
    tick: game?.latest?.tick ?? 0,
    snapshots: game?.snapshots ?? 0,
    corrections: game?.predictor.corrections ?? 0,
    rttMs: client.rttMs,
    bytesReceived: client.bytesReceived,
    kbPerSecond: hud.kbPerSecond,
    name,
    nameFontCssPx: nameFontSize(canvasScale()) * canvasScale(),
    feedback: { ...feedback.counts },
    self: game?.predictor.position ?? null,
    players: (game?.latest?.players ?? [])
      .map(({ id, x, y, alive, away, score }) => ({ id, x, y, alive, away, score })),
    projectiles: (game?.latest?.projectiles ?? []).map(({ id, ownerId, x, y }) => ({ id, ownerId, x, y })),
  }),
};

// A server that checks tokens at the upgrade hands one out at /token (404 elsewhere: connect without).
async function withToken() {
  const response = await fetch('/token').catch(() => null);
  if (response?.ok) {
    const token = await response.text();
    client.url += `${client.url.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  }
}

hud.showStatus('Connecting…');
withToken()
  .then(() => client.connect())
  .then(() => client.join({ roomType: 'arena', options: { name } }))
  .catch((e) => hud.showStatus(`Cannot connect: ${e.message}`, () => location.reload()));
requestAnimationFrame(frame);
