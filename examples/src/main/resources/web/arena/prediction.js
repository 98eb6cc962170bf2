// Client-side prediction with server reconciliation for the player's own body: every input is applied
// locally at once and remembered; each snapshot says (ack) which inputs the server has applied, so the
// client restarts from the server's position and replays only the inputs still in flight.

import { step } from './physics.js';

export class Predictor {
  constructor(rules) {
    this.rules = rules;
    this.pending = [];   // inputs sent, not yet acked: {seq, moveX, moveY}
    this.position = null;
    this.corrections = 0;
  }

  /** Applies one input locally (it is being sent now). */
  apply(input) {
    if (!this.position) {
      return;
    }
    this.pending.push(input);
    this.position = step(this.position, input.moveX, input.moveY, this.rules);
  }

  /** Takes the server's word for our body (its state after input `ack`) and replays what it has not seen. */
  reconcile(serverBody) {
    if (!serverBody.alive) {
      this.pending = [];
      this.position = { x: serverBody.x, y: serverBody.y };
      return;
    }
    this.pending = this.pending.filter((input) => input.seq > serverBody.lastInputSeq);
    let position = { x: serverBody.x, y: serverBody.y };
    for (const input of this.pending) {
      position = step(position, input.moveX, input.moveY, this.rules);
    }
    if (this.position && Math.hypot(position.x - this.position.x, position.y - this.position.y) > 0.5) {
      this.corrections++;
    }
    this.position = position;
  }
}
