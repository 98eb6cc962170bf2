// Client-side prediction with server reconciliation for the player's own body, on the browser client's
// Predictor (/ringside/prediction.js): every input is applied locally at once with the arena's movement
// rules (physics.js) and remembered; each snapshot says (the body's last_input_seq) which inputs the
// server has applied, so the client restarts from the server's position and replays only the inputs
// still in flight. A dead body starts over from where the server has it.

import { Predictor as InputPredictor } from '/ringside/prediction.js';
import { step } from './physics.js';

const CORRECTION_DISTANCE = 0.5;

export class Predictor {
  constructor(rules) {
    this.inputs = new InputPredictor((position, input) => step(position, input.moveX, input.moveY, rules), {
      diverged: (a, b) => Math.hypot(a.x - b.x, a.y - b.y) > CORRECTION_DISTANCE,
    });
  }

  /** The predicted {x, y} of our body, or null before the first snapshot with it. */
  get position() {
    return this.inputs.state;
  }

  get corrections() {
    return this.inputs.corrections;
  }

  /** Applies one input locally (it is being sent now). */
  apply(input) {
    this.inputs.apply(input);
  }

  /** Takes the server's word for our body (its state after input `lastInputSeq`) and replays what it has not seen. */
  reconcile(serverBody) {
    const position = { x: serverBody.x, y: serverBody.y };
    if (serverBody.alive) {
      this.inputs.reconcile(position, serverBody.lastInputSeq);
    } else {
      this.inputs.reset(position);
    }
  }
}
