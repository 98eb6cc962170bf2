// Keyboard and mouse to the arena's Input: WASD or arrows move, the mouse aims, a held button fires.
// Tests may replace the devices with setOverride({moveX, moveY, aim, fire}).

const KEYS = {
  KeyW: [0, -1], ArrowUp: [0, -1], KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0], KeyD: [1, 0], ArrowRight: [1, 0],
};

export class Controls {
  constructor(canvas) {
    this.canvas = canvas;
    this.held = new Set();
    this.mouse = { x: 0, y: 0 };
    this.firing = false;
    this.override = null;
    addEventListener('keydown', (e) => {
      // keys typed into a field (the name) are text, not moves
      if (KEYS[e.code] && !isTextField(e.target)) {
        this.held.add(e.code);
        e.preventDefault();
      }
    });
    addEventListener('keyup', (e) => this.held.delete(e.code));
    addEventListener('blur', () => this.held.clear());
    canvas.addEventListener('mousemove', (e) => { this.mouse = this.toWorld(e); });
    canvas.addEventListener('mousedown', (e) => { this.mouse = this.toWorld(e); this.firing = true; });
    addEventListener('mouseup', () => { this.firing = false; });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  }

  setOverride(input) {
    this.override = input;
  }

  /** This tick's wish for a body at `self` ({x, y}): {moveX, moveY, aim, fire}. */
  read(self) {
    if (this.override) {
      return { moveX: 0, moveY: 0, aim: 0, fire: false, ...this.override };
    }
    let moveX = 0;
    let moveY = 0;
    for (const code of this.held) {
      moveX += KEYS[code][0];
      moveY += KEYS[code][1];
    }
    const aim = self ? Math.atan2(this.mouse.y - self.y, this.mouse.x - self.x) : 0;
    return { moveX: Math.sign(moveX), moveY: Math.sign(moveY), aim, fire: this.firing };
  }

  toWorld(event) {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * this.canvas.width,
      y: ((event.clientY - box.top) / box.height) * this.canvas.height,
    };
  }
}

function isTextField(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
