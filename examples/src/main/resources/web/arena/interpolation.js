// Snapshot interpolation for the arena: other players and projectiles are drawn where they were
// `delayMs` ago, blended between the two snapshots around that moment (the buffer and its clock offset
// are the browser client's SnapshotBuffer, /ringside/interpolation.js). What is the arena's own: which
// fields blend (position, aim) and that a respawn jumps instead of sliding across the map.

import { SnapshotBuffer, blendById, lerp, lerpAngle } from '/ringside/interpolation.js';

const RESPAWN_JUMP = 200;

export class Interpolator {
  constructor(tickRateHz, delayMs = 100) {
    this.buffer = new SnapshotBuffer({ tickRateHz, delayMs });
  }

  push(snapshot, nowMs) {
    this.buffer.push(snapshot.tick, {
      players: new Map(snapshot.players.map((p) => [p.id, p])),
      projectiles: new Map(snapshot.projectiles.map((p) => [p.id, p])),
    }, nowMs);
  }

  /** The world as it should look now: {players: [...], projectiles: [...]}, positions blended. */
  sample(nowMs) {
    const at = this.buffer.sample(nowMs);
    if (!at) {
      return { players: [], projectiles: [] };
    }
    return {
      players: blendById(at.from.players, at.to.players, at.t, blend),
      projectiles: blendById(at.from.projectiles, at.to.projectiles, at.t, blend),
    };
  }
}

function blend(a, b, t) {
  if (Math.hypot(b.x - a.x, b.y - a.y) > RESPAWN_JUMP) {
    return { ...b };
  }
  return { ...b, x: lerp(a.x, b.x, t), y: lerp(a.y, b.y, t), aim: lerpAngle(a.aim, b.aim, t) };
}
