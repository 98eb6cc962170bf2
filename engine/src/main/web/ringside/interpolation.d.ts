// Types of interpolation.js: a snapshot-interpolation buffer and blending helpers.

export interface SnapshotBufferOptions {
  /** the server's tick rate: a state at tick n is at server time n * 1000 / tickRateHz ms */
  tickRateHz: number;
  /** how far in the past remote entities are drawn, in ms; default 100 */
  delayMs?: number;
  /** how much history to keep beyond the newest state, in ms; default 1000 (at least two states are kept) */
  keepMs?: number;
  /** how fast the clock offset follows later arrivals, 0 < smoothing <= 1; default 0.05 (earlier arrivals are taken at once) */
  smoothing?: number;
}

export interface Sample<S> {
  from: S;
  to: S;
  /** 0..1 from `from` to `to` */
  t: number;
  fromTick: number | bigint;
  toTick: number | bigint;
}

/** Timed server states, sampled `delayMs` in the past on a clock aligned by a smoothed offset. */
export class SnapshotBuffer<S = unknown> {
  constructor(options: SnapshotBufferOptions);
  readonly tickMs: number;
  readonly delayMs: number;
  /** local time minus server time in ms (null before the first push) */
  readonly offsetMs: number | null;
  readonly length: number;
  readonly latest: S | undefined;
  /** Adds the server's state at `tick`, received at local time `nowMs` (e.g. performance.now()). */
  push(tick: number | bigint, state: S, nowMs: number): void;
  /** The server time (ms) to draw at local time nowMs. */
  renderTime(nowMs: number): number;
  /** The two states around renderTime(nowMs) and how far between them; null while empty. Never extrapolates. */
  sample(nowMs: number): Sample<S> | null;
  clear(): void;
}

export function lerp(a: number, b: number, t: number): number;
/** Blends angles in radians the short way round. */
export function lerpAngle(a: number, b: number, t: number): number;
/** `to`'s entities blended with their namesakes in `from`; new ones as they are, gone ones left out. */
export function blendById<K, E>(from: Map<K, E>, to: Map<K, E>, t: number, blend: (a: E, b: E, t: number) => E): E[];
