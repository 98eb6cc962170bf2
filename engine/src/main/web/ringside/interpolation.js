// Snapshot interpolation: remote entities are drawn where they were `delayMs` ago, blended between the
// two server states around that moment, so that 20-30 Hz updates look smooth at 60 fps and a late
// packet does not make anything jump. A state's time comes from its server tick (tick / tickRateHz),
// mapped onto the local clock by a smoothed offset: it follows the network slowly, but at once when a
// state arrives earlier than ever (the path got faster, or the first estimate was a late packet).
//
// The buffer holds whatever the game gives it (a snapshot object, maps of entities, a copy of a state
// mirror's entities); blendById() and lerp()/lerpAngle() help turn {from, to, t} into what to draw.

/** Keeps timed server states and tells, for a local time, which two to blend and how far. */
export class SnapshotBuffer {
  constructor({ tickRateHz, delayMs = 100, keepMs = 1000, smoothing = 0.05 } = {}) {
    if (!(tickRateHz > 0)) {
      throw new RangeError(`tickRateHz=${tickRateHz} (must be > 0)`);
    }
    if (!(delayMs >= 0) || !(keepMs >= 0) || !(smoothing > 0 && smoothing <= 1)) {
      throw new RangeError(`delayMs=${delayMs}, keepMs=${keepMs}, smoothing=${smoothing} `
        + '(delayMs and keepMs >= 0, 0 < smoothing <= 1)');
    }
    this.tickMs = 1000 / tickRateHz;
    this.delayMs = delayMs;
    this.keepMs = keepMs;
    this.smoothing = smoothing;
    this.states = [];   // {time (server ms), tick, state}, oldest first
    this.offsetMs = null;
  }

  /** Adds the server's state at `tick` (number or bigint), received at local time `nowMs`. */
  push(tick, state, nowMs) {
    const time = Number(tick) * this.tickMs;
    const sample = nowMs - time;
    this.offsetMs = this.offsetMs === null || sample < this.offsetMs
      ? sample : this.offsetMs + (sample - this.offsetMs) * this.smoothing;
    this.states.push({ time, tick, state });
    // keep at least two, and the last one older than what keepMs asks for
    while (this.states.length > 2 && this.states[1].time < time - this.keepMs) {
      this.states.shift();
    }
  }

  /** How many states are buffered. */
  get length() {
    return this.states.length;
  }

  /** The newest state pushed, or undefined. */
  get latest() {
    return this.states[this.states.length - 1]?.state;
  }

  /** The server time (ms) to draw at local time `nowMs`: now, mapped to the server clock, minus delayMs. */
  renderTime(nowMs) {
    return nowMs - this.offsetMs - this.delayMs;
  }

  /**
   * The two states around renderTime(nowMs) and the fraction t (0..1) from `from` to `to`; null while
   * empty. Before the oldest state, from = to = the oldest with t = 1; after the newest, from = to = the
   * newest (t = 1): no extrapolation.
   */
  sample(nowMs) {
    if (this.states.length === 0) {
      return null;
    }
    const renderTime = this.renderTime(nowMs);
    let i = this.states.length - 1;
    while (i > 0 && this.states[i - 1].time > renderTime) {
      i--;
    }
    const to = this.states[i];
    const from = i > 0 ? this.states[i - 1] : to;
    const span = to.time - from.time;
    const t = span > 0 ? Math.max(0, Math.min(1, (renderTime - from.time) / span)) : 1;
    return { from: from.state, to: to.state, t, fromTick: from.tick, toTick: to.tick };
  }

  /** Forgets every state and the clock offset (after a reconnect or a new room). */
  clear() {
    this.states = [];
    this.offsetMs = null;
  }
}

/** a + (b - a) * t. */
export function lerp(a, b, t) {
  return a + (b - a) * t;
}

/** Blends two angles in radians the short way round (from 350° to 10° passes 0°, not 180°). */
export function lerpAngle(a, b, t) {
  return a + Math.atan2(Math.sin(b - a), Math.cos(b - a)) * t;
}

/**
 * The entities of `to` (a Map by id), each blended with its namesake in `from` by blend(a, b, t); an
 * entity only in `to` (just spawned) is taken as it is, one only in `from` (gone) is left out.
 */
export function blendById(from, to, t, blend) {
  const out = [];
  for (const [id, b] of to) {
    const a = from.get(id);
    out.push(a === undefined ? b : blend(a, b, t));
  }
  return out;
}
