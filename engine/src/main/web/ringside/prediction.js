// Input sequencing and client-side prediction with server reconciliation. The client numbers every
// input it sends (InputSequencer), applies it locally at once with the game's own step function and
// remembers it (Predictor.apply); when the server's state arrives with the sequence number of the last
// input its room took (the ack the framework puts in every state patch: client.mirror.inputAck), the
// client restarts from the server's state and replays only the inputs still in flight
// (Predictor.reconcile). Without disagreements (collisions the client does not simulate, inputs the
// server dropped) the replay lands where the prediction already was; otherwise it snaps to the server's
// word and counts a correction. PredictedInputs wires the three to a RingsideClient: numbering, sending
// as the room's input type, reconciling on every state patch, starting over on every Joined.

/**
 * Numbers inputs 1, 2, 3, ... The server counts a seat's inputs afresh from 1 after every join and
 * reconnect (and answers MALFORMED_INPUT to one not newer than the last): restart() then.
 */
export class InputSequencer {
  constructor(last = 0) {
    this.last = last;
  }

  /** Numbers from 1 again (a new seat, or the same seat on a new connection). */
  restart() {
    this.last = 0;
  }

  /** A copy of `input` with the next sequence number as `seq`. */
  next(input = {}) {
    this.last++;
    return { ...input, seq: this.last };
  }
}

/** Predicts one locally controlled thing (a body, a cursor) from unacked inputs; `step(state, input)` returns the next state. */
export class Predictor {
  constructor(step, { diverged = (a, b) => a !== b, maxPending = 1024 } = {}) {
    if (typeof step !== 'function') {
      throw new TypeError('step must be a function (state, input) -> state');
    }
    if (!(Number.isInteger(maxPending) && maxPending > 0)) {
      throw new RangeError(`maxPending=${maxPending} (must be a positive integer)`);
    }
    this.step = step;
    this.diverged = diverged;
    this.maxPending = maxPending;
    this.state = null;     // the predicted present; null until the server's first word
    this.pending = [];     // inputs applied, not yet acked, oldest first
    this.ack = 0;          // seq of the last input the server said it consumed
    this.corrections = 0;  // reconciliations that disagreed with the prediction
    this.dropped = 0;      // unacked inputs forgotten because more than maxPending were in flight
  }

  /**
   * Applies one input (it is being sent now; it carries `seq`) on top of the prediction. Ignored until
   * reset() or reconcile() gave a starting state: there is nothing to predict from yet.
   */
  apply(input) {
    if (this.state === null) {
      return;
    }
    this.pending.push(input);
    if (this.pending.length > this.maxPending) {
      this.pending.shift();
      this.dropped++;
    }
    this.state = this.step(this.state, input);
  }

  /**
   * Takes the server's state after input `ack` (its sequence number; 0 or less: none yet) and
   * replays the inputs it has not consumed. Returns the new predicted state.
   */
  reconcile(serverState, ack) {
    this.ack = ack;
    this.pending = this.pending.filter((input) => input.seq > this.ack);
    let state = serverState;
    for (const input of this.pending) {
      state = this.step(state, input);
    }
    if (this.state !== null && this.diverged(state, this.state)) {
      this.corrections++;
    }
    this.state = state;
    return state;
  }

  /** Starts over from the server's state with nothing in flight (a spawn, a death, a new room). */
  reset(serverState) {
    this.pending = [];
    this.state = serverState;
  }

  /** Forgets the prediction, the inputs in flight and the ack: nothing to predict from until the server's word. */
  restart() {
    this.pending = [];
    this.state = null;
    this.ack = 0;
  }
}

/**
 * Client-side prediction on a RingsideClient with the framework's input acks: send(input) numbers the
 * input, sends it as the room's input type and predicts it; after every state patch, serverState(mirror)
 * (the game's reading of its own controlled thing in the mirror, or null while it has none) is
 * reconciled with client.mirror.inputAck; every Joined (a new seat, or the seat back after a drop)
 * starts the numbering and the prediction over, as the server does.
 */
export class PredictedInputs {
  constructor(client, inputType, step, { serverState = null, ...predictorOptions } = {}) {
    if (serverState !== null && typeof serverState !== 'function') {
      throw new TypeError('serverState must be a function (mirror) -> state or null');
    }
    this.client = client;
    this.inputType = inputType;
    this.sequencer = new InputSequencer();
    this.predictor = new Predictor(step, predictorOptions);
    this.serverState = serverState;
    client.on('joined', () => this.restart());
    client.on('state', (mirror) => {
      const state = this.serverState?.(mirror) ?? null;
      if (state !== null) {
        this.reconcile(state);
      }
    });
  }

  /** The predicted present (null until the server's first word). */
  get state() {
    return this.predictor.state;
  }

  /** The last ack reconciled. */
  get ack() {
    return this.predictor.ack;
  }

  get corrections() {
    return this.predictor.corrections;
  }

  /** Inputs sent and not yet acked. */
  get pending() {
    return this.predictor.pending.length;
  }

  /** Numbers `input`, sends it and applies it to the prediction; returns it with its `seq`. */
  send(input = {}) {
    const sequenced = this.sequencer.next(input);
    this.client.sendInput(sequenced.seq, this.inputType, input);
    this.predictor.apply(sequenced);
    return sequenced;
  }

  /** Takes the server's state (after the input client.mirror.inputAck) and replays the rest; returns the prediction. */
  reconcile(serverState) {
    return this.predictor.reconcile(serverState, this.client.mirror.inputAck);
  }

  /** Starts over from the server's state with nothing in flight (a spawn, a death); the numbering goes on. */
  reset(serverState) {
    this.predictor.reset(serverState);
  }

  /** A new seat or connection: numbering from 1, no prediction until the server's word. */
  restart() {
    this.sequencer.restart();
    this.predictor.restart();
  }
}
