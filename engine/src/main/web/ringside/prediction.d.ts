// Types of prediction.js: input sequencing and client-side prediction with server reconciliation.

import type { Type } from 'protobufjs';
import type { RingsideClient } from './client.js';
import type { StateMirror } from './mirror.js';

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
  /** Numbers from 1 again (a new seat, or the same seat on a new connection). */
  restart(): void;
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
  /** Forgets the prediction, the pending inputs and the ack. */
  restart(): void;
}

export interface PredictedInputsOptions<S> extends PredictorOptions<S> {
  /** reads the server's state of the predicted thing from the mirror after each patch (null: not there yet) */
  serverState?: ((mirror: StateMirror) => S | null) | null;
}

/**
 * Prediction wired to a client and the framework's acks: numbers and sends inputs as the room's input
 * type, reconciles after every state patch with client.mirror.inputAck, starts over on every Joined.
 */
export class PredictedInputs<S, I extends object = object> {
  constructor(client: RingsideClient, inputType: Type, step: (state: S, input: I & SequencedInput) => S,
    options?: PredictedInputsOptions<S>);
  readonly client: RingsideClient;
  readonly sequencer: InputSequencer;
  readonly predictor: Predictor<S, I & SequencedInput>;
  /** the predicted present; null until the server's first word */
  readonly state: S | null;
  readonly ack: number;
  readonly corrections: number;
  /** inputs sent and not yet acked */
  readonly pending: number;
  /** Numbers, sends and predicts `input`; returns it with its seq. */
  send(input?: I): I & SequencedInput;
  /** The server's state after client.mirror.inputAck: replays the later inputs on it. */
  reconcile(serverState: S): S;
  /** Starts over from the server's state with nothing pending; the numbering goes on. */
  reset(serverState: S): void;
  /** Numbering from 1 and no prediction: a new seat or connection. */
  restart(): void;
}
