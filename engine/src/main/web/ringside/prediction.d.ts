// Types of prediction.js: input sequencing and client-side prediction with server reconciliation.

/** An input the Predictor replays: anything with the sequence number it was sent with. */
export interface SequencedInput {
  seq: number;
}

/** Numbers inputs 1, 2, 3, ... */
export class InputSequencer {
  constructor(last?: number);
  /** the last number handed out (0: none yet) */
  readonly last: number;
  /** A copy of `input` with the next sequence number as `seq`. */
  next<I extends object>(input?: I): I & SequencedInput;
}

export interface PredictorOptions<S> {
  /** whether a reconciled state disagrees with the prediction (counted in `corrections`); default !== */
  diverged?: (reconciled: S, predicted: S) => boolean;
  /** unacked inputs kept; beyond it the oldest is forgotten (counted in `dropped`); default 1024 */
  maxPending?: number;
}

/** Predicts one locally controlled state from the inputs the server has not acked yet. */
export class Predictor<S, I extends SequencedInput = SequencedInput> {
  /** `step(state, input)` is the game's own step: the next state, as the server computes it. */
  constructor(step: (state: S, input: I) => S, options?: PredictorOptions<S>);
  /** the predicted present; null until reset() or reconcile() */
  readonly state: S | null;
  readonly pending: readonly I[];
  /** the last ack passed to reconcile() */
  readonly ack: number;
  readonly corrections: number;
  readonly dropped: number;
  /** Applies an input being sent now (ignored while state is null). */
  apply(input: I): void;
  /** The server's state after input `ack`: replays the later inputs on it; returns the new prediction. */
  reconcile(serverState: S, ack: number): S;
  /** Starts over from the server's state with nothing pending. */
  reset(serverState: S): void;
}
