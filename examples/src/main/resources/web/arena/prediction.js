// Client-side prediction with server reconciliation for the player's own body, on the browser client's
// PredictedInputs (/ringside/prediction.js): every input is numbered, sent as the room's input type and
// applied locally at once with the arena's movement rules (physics.js); each state patch carries the
// framework's ack (the seq of the last input the room took), so the client restarts from the server's
// position and replays only the inputs still in flight. A dead body starts over from where the server
// has it; every Joined (a new seat, or the seat back after a drop) starts the numbering over.

import { PredictedInputs } from '/ringside/prediction.js';
import { step } from './physics.js';

const CORRECTION_DISTANCE = 0.5;

export class Predictor {
  constructor(client, inputType) {
    this.rules = null;
    this.inputs = new PredictedInputs(client, inputType,
      (position, input) => step(position, input.moveX, input.moveY, this.rules), {
        diverged: (a, b) => Math.hypot(a.x - b.x, a.y - b.y) > CORRECTION_DISTANCE,
      });
  }

  /** The predicted {x, y} of our body, or null before the first state with it. */
  get position() {
    return this.inputs.state;
  }

  get corrections() {
    return this.inputs.corrections;
  }

  /** Numbers, sends and applies one input (the rules of the latest Welcome must be set). */
  send(input) {
    return this.inputs.send(input);
  }

  /** Takes the server's word for our body (its state after the acked input) and replays what it has not taken. */
  reconcile(serverBody) {
    const position = { x: serverBody.x, y: serverBody.y };
    if (serverBody.alive) {
      this.inputs.reconcile(position);
    } else {
      this.inputs.reset(position);
    }
  }
}
