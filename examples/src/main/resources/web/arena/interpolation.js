// Snapshot interpolation: other players and projectiles are drawn where they were `delayMs` ago, blended
// between the two snapshots around that moment, so that 30 Hz snapshots look smooth at 60 fps and a late
// packet does not make anything jump. Snapshot times come from the server tick, mapped onto the local
// clock by a smoothed offset.

export class Interpolator {
  constructor(tickRateHz, delayMs = 100) {
    this.tickMs = 1000 / tickRateHz;
    this.delayMs = delayMs;
    this.buffer = [];   // {time, players: Map(id -> state), projectiles: Map(id -> state)}
    this.offsetMs = null;
  }

  push(snapshot, nowMs) {
    const serverMs = Number(snapshot.tick) * this.tickMs;
    const sample = nowMs - serverMs;
    // follow the network slowly, but at once when packets arrive earlier than ever (less delay)
    this.offsetMs = this.offsetMs === null || sample < this.offsetMs ? sample : this.offsetMs + (sample - this.offsetMs) * 0.05;
    this.buffer.push({
      time: serverMs,
      players: new Map(snapshot.players.map((p) => [p.id, p])),
      projectiles: new Map(snapshot.projectiles.map((p) => [p.id, p])),
    });
    while (this.buffer.length > 2 && this.buffer[1].time < serverMs - 1000) {
      this.buffer.shift();
    }
  }

  /** The world as it should look now: {players: [...], projectiles: [...]}, positions blended. */
  sample(nowMs) {
    if (this.buffer.length === 0) {
      return { players: [], projectiles: [] };
    }
    const renderTime = nowMs - this.offsetMs - this.delayMs;
    let i = this.buffer.length - 1;
    while (i > 0 && this.buffer[i - 1].time > renderTime) {
      i--;
    }
    const to = this.buffer[i];
    const from = i > 0 ? this.buffer[i - 1] : to;
    const span = to.time - from.time;
    const t = span > 0 ? Math.max(0, Math.min(1, (renderTime - from.time) / span)) : 1;
    return { players: blend(from.players, to.players, t), projectiles: blend(from.projectiles, to.projectiles, t) };
  }
}

function blend(from, to, t) {
  const out = [];
  for (const [id, b] of to) {
    const a = from.get(id);
    if (!a) {
      out.push(b);
      continue;
    }
    const jump = Math.hypot(b.x - a.x, b.y - a.y) > 200; // a respawn: do not slide across the map
    out.push({ ...b, x: jump ? b.x : a.x + (b.x - a.x) * t, y: jump ? b.y : a.y + (b.y - a.y) * t,
      aim: jump ? b.aim : lerpAngle(a.aim, b.aim, t) });
  }
  return out;
}

function lerpAngle(a, b, t) {
  const d = Math.atan2(Math.sin(b - a), Math.cos(b - a));
  return a + d * t;
}
