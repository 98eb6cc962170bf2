// The arena's movement rules, as the server's World.move and Collision apply them to walls and bounds
// (other players are left to the server: reconciliation corrects the rare bump). Prediction runs
// exactly these steps for each input so that, without bumps, it lands where the server will.

const clamp = (value, min, max) => Math.max(min, Math.min(max, value));
// positions and moves to 1/100 unit, as World.onGrid keeps them (the scale arena.proto sends them in)
const onGrid = (value) => Math.fround(Math.round(Math.fround(value * 100)) / 100);

/** Moves `body` ({x, y}) one tick in direction (dx, dy) under `rules` (the Welcome); returns the new {x, y}. */
export function step(body, dx, dy, rules) {
  const length = Math.hypot(dx, dy);
  if (length > 1) {
    dx /= length;
    dy /= length;
  }
  const distance = rules.playerSpeed / rules.tickRateHz;
  const moved = { x: Math.fround(body.x + onGrid(dx * distance)), y: Math.fround(body.y + onGrid(dy * distance)) };
  for (const wall of rules.walls) {
    pushOutOfWall(moved, rules.playerRadius, wall);
  }
  moved.x = clamp(moved.x, rules.playerRadius, rules.width - rules.playerRadius);
  moved.y = clamp(moved.y, rules.playerRadius, rules.height - rules.playerRadius);
  moved.x = onGrid(moved.x);
  moved.y = onGrid(moved.y);
  return moved;
}

function pushOutOfWall(body, r, wall) {
  const nearestX = clamp(body.x, wall.x, wall.x + wall.width);
  const nearestY = clamp(body.y, wall.y, wall.y + wall.height);
  const dx = body.x - nearestX;
  const dy = body.y - nearestY;
  const distSq = dx * dx + dy * dy;
  if (distSq >= r * r) {
    return;
  }
  if (distSq > 1e-6) {
    const dist = Math.sqrt(distSq);
    body.x = nearestX + (dx / dist) * r;
    body.y = nearestY + (dy / dist) * r;
    return;
  }
  const sides = [
    [body.x - wall.x, () => { body.x = wall.x - r; }],
    [wall.x + wall.width - body.x, () => { body.x = wall.x + wall.width + r; }],
    [body.y - wall.y, () => { body.y = wall.y - r; }],
    [wall.y + wall.height - body.y, () => { body.y = wall.y + wall.height + r; }],
  ];
  sides.reduce((a, b) => (b[0] < a[0] ? b : a))[1]();
}
