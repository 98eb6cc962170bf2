import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SnapshotBuffer, blendById, lerp, lerpAngle } from '../../main/web/ringside/interpolation.js';

// 10 Hz: tick n is at server time n * 100 ms; delay 100 ms
const buffer = () => new SnapshotBuffer({ tickRateHz: 10, delayMs: 100 });

describe('SnapshotBuffer', () => {
  it('should return null while empty', () => {
    assert.equal(buffer().sample(1000), null);
  });

  it('should give the state itself when the render time is at a sample', () => {
    // given: ticks 10, 11, 12 arrive exactly on time, 5000 ms of local clock ahead of the server's
    const states = buffer();
    for (const tick of [10, 11, 12]) {
      states.push(tick, `s${tick}`, 5000 + tick * 100);
    }

    // when: the render time (now - offset - delay) is exactly tick 10's, 11's, then 12's time
    const at = [10, 11, 12].map((tick) => states.sample(5000 + tick * 100 + 100));

    // then: the blend lands on that state: from it with t = 0, or (the newest) to it with t = 1
    assert.equal(states.offsetMs, 5000);
    assert.deepEqual(at.map(({ from, to, t }) => [from, to, t]),
      [['s10', 's11', 0], ['s11', 's12', 0], ['s11', 's12', 1]]);
  });

  it('should blend between the two states around the render time', () => {
    // given
    const states = buffer();
    states.push(10, { x: 0 }, 6000);
    states.push(11, { x: 10 }, 6100);

    // when: 25 ms past tick 10
    const at = states.sample(6000 + 100 + 25);

    // then
    assert.equal(at.from.x, 0);
    assert.equal(at.to.x, 10);
    assert.equal(at.fromTick, 10);
    assert.equal(at.toTick, 11);
    assert.ok(Math.abs(at.t - 0.25) < 1e-9, `t ${at.t}`);
    assert.equal(lerp(at.from.x, at.to.x, at.t), 2.5);
  });

  it('should hold the oldest before it and the newest after it, never extrapolating', () => {
    // given
    const states = buffer();
    states.push(10, 'a', 6000);
    states.push(11, 'b', 6100);

    // when
    const before = states.sample(5000);
    const after = states.sample(9000);

    // then
    assert.deepEqual([before.from, before.to, before.t], ['a', 'a', 1]);
    assert.deepEqual([after.from, after.to, after.t], ['a', 'b', 1]);
  });

  it('should take an earlier arrival into the clock offset at once and a later one slowly', () => {
    // given
    const states = new SnapshotBuffer({ tickRateHz: 10, smoothing: 0.1 });
    states.push(0, 'a', 1000);

    // when: tick 1 arrives 40 ms earlier than tick 0 suggested, tick 2 200 ms late
    states.push(1, 'b', 1060);
    const afterEarly = states.offsetMs;
    states.push(2, 'c', 1160 + 200);

    // then
    assert.equal(afterEarly, 960);
    assert.ok(Math.abs(states.offsetMs - (960 + 200 * 0.1)) < 1e-9, `offset ${states.offsetMs}`);
  });

  it('should map bigint ticks like numbers', () => {
    // given
    const states = buffer();
    states.push(5n, 'a', 1000);

    // then
    assert.equal(states.offsetMs, 500);
    assert.equal(states.renderTime(1000), 400);
  });

  it('should keep keepMs of history but never fewer than two states', () => {
    // given
    const states = new SnapshotBuffer({ tickRateHz: 10, keepMs: 300 });

    // when
    for (let tick = 0; tick < 20; tick++) {
      states.push(tick, tick, tick * 100);
    }

    // then: the newest is tick 19; tick 16 is 300 ms before it and the one before 16 is kept too
    assert.equal(states.length, 5);
    assert.equal(states.sample(-1e6).from, 15);
    assert.equal(states.latest, 19);
  });

  it('should forget states and the offset when cleared', () => {
    // given
    const states = buffer();
    states.push(1, 'a', 100);

    // when
    states.clear();

    // then
    assert.equal(states.length, 0);
    assert.equal(states.offsetMs, null);
    assert.equal(states.sample(100), null);
  });

  it('should refuse settings that make no sense with their names and values', () => {
    assert.throws(() => new SnapshotBuffer({ tickRateHz: 0 }), /tickRateHz=0/);
    assert.throws(() => new SnapshotBuffer({}), /tickRateHz=undefined/);
    assert.throws(() => new SnapshotBuffer({ tickRateHz: 30, delayMs: -1 }), /delayMs=-1/);
    assert.throws(() => new SnapshotBuffer({ tickRateHz: 30, smoothing: 0 }), /smoothing=0/);
  });
});

describe('blending helpers', () => {
  it('should blend angles the short way round', () => {
    const deg = Math.PI / 180;
    assert.ok(Math.abs(lerpAngle(350 * deg, 10 * deg, 0.5) - 360 * deg) < 1e-9);
    assert.ok(Math.abs(lerpAngle(10 * deg, 350 * deg, 0.5)) < 1e-9);
    assert.equal(lerpAngle(1, 2, 0), 1);
  });

  it('should blend entities present in both, take new ones as they are and leave gone ones out', () => {
    // given
    const from = new Map([[1, { x: 0 }], [2, { x: 5 }]]);
    const to = new Map([[1, { x: 10 }], [3, { x: 7 }]]);

    // when
    const out = blendById(from, to, 0.5, (a, b, t) => ({ x: lerp(a.x, b.x, t) }));

    // then
    assert.deepEqual(out, [{ x: 5 }, { x: 7 }]);
    assert.equal(out[1], to.get(3));
  });
});
