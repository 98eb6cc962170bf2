// Input sequencing and client-side prediction with server reconciliation. The client numbers every
// input it sends (InputSequencer), applies it locally at once with the game's own step function and
// remembers it (Predictor.apply); when the server's state arrives with the sequence number of the last
// input it consumed (the ack: a state mirror's inputAck, or a field of the game's snapshot), the client
// restarts from the server's state and replays only the inputs still in flight (Predictor.reconcile).
// Without disagreements (collisions the client does not simulate, dropped inputs) the replay lands
// where the prediction already was; otherwise it snaps to the server's word and counts a correction.

/** Numbers inputs 1, 2, 3, ...: never reuse one on a page (the server ignores inputs not newer than the last). */
export class InputSequencer {
  constructor(last = 0) {
    this.last = last;
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
}
