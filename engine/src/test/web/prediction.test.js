import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputSequencer, Predictor } from '../../main/web/ringside/prediction.js';

// a one-dimensional body: each input moves it by dx
const step = (x, input) => x + input.dx;

function predicted(...dxs) {
  const sequencer = new InputSequencer();
  const predictor = new Predictor(step);
  predictor.reset(0);
  for (const dx of dxs) {
    predictor.apply(sequencer.next({ dx }));
  }
  return predictor;
}

describe('InputSequencer', () => {
  it('should number inputs from one and copy them', () => {
    // given
    const sequencer = new InputSequencer();
    const input = { dx: 1 };

    // when
    const first = sequencer.next(input);
    const second = sequencer.next({ dx: 2 });

    // then
    assert.deepEqual([first, second], [{ dx: 1, seq: 1 }, { dx: 2, seq: 2 }]);
    assert.deepEqual(input, { dx: 1 });
    assert.equal(sequencer.last, 2);
  });

  it('should go on from where it is told to', () => {
    assert.equal(new InputSequencer(41).next().seq, 42);
  });
});

describe('Predictor', () => {
  it('should predict nothing before the server gave a starting state', () => {
    // given
    const predictor = new Predictor(step);

    // when
    predictor.apply({ seq: 1, dx: 1 });

    // then
    assert.equal(predictor.state, null);
    assert.equal(predictor.pending.length, 0);
  });

  it('should apply each input at once', () => {
    assert.equal(predicted(1, 2, 3).state, 6);
  });

  it('should replay the unacked inputs on the server state when reconciling', () => {
    // given: five inputs in flight, the server has applied two and bumped the body back by 100
    const predictor = predicted(1, 2, 3, 4, 5);

    // when
    const state = predictor.reconcile(1 + 2 - 100, 2);

    // then
    assert.equal(state, 1 + 2 - 100 + 3 + 4 + 5);
    assert.equal(predictor.state, state);
    assert.deepEqual(predictor.pending.map((input) => input.seq), [3, 4, 5]);
    assert.equal(predictor.ack, 2);
    assert.equal(predictor.corrections, 1);
  });

  it('should count no correction when the server agrees', () => {
    // given
    const predictor = predicted(1, 2, 3);

    // when
    predictor.reconcile(1, 1);
    predictor.reconcile(6, 3);

    // then
    assert.equal(predictor.state, 6);
    assert.equal(predictor.pending.length, 0);
    assert.equal(predictor.corrections, 0);
  });

  it('should judge divergence by the given test', () => {
    // given
    const predictor = new Predictor(step, { diverged: (a, b) => Math.abs(a - b) > 0.5 });
    predictor.reset(0);
    predictor.apply({ seq: 1, dx: 1 });

    // when
    predictor.reconcile(1.25, 1);

    // then
    assert.equal(predictor.state, 1.25);
    assert.equal(predictor.corrections, 0);
  });

  it('should replay inputs applied after a reconciliation at the next one', () => {
    // given
    const predictor = predicted(1, 1);
    predictor.reconcile(1, 1);
    predictor.apply({ seq: 3, dx: 10 });

    // when
    predictor.reconcile(2, 2);

    // then
    assert.equal(predictor.state, 12);
    assert.deepEqual(predictor.pending.map((input) => input.seq), [3]);
  });

  it('should start over with nothing pending when reset', () => {
    // given
    const predictor = predicted(1, 2);

    // when
    predictor.reset(50);
    predictor.reconcile(50, 0);

    // then
    assert.equal(predictor.state, 50);
    assert.equal(predictor.pending.length, 0);
  });

  it('should forget the oldest unacked input beyond maxPending and count it', () => {
    // given
    const predictor = new Predictor(step, { maxPending: 2 });
    predictor.reset(0);

    // when
    for (let seq = 1; seq <= 4; seq++) {
      predictor.apply({ seq, dx: 1 });
    }

    // then
    assert.deepEqual(predictor.pending.map((input) => input.seq), [3, 4]);
    assert.equal(predictor.dropped, 2);
    assert.equal(predictor.state, 4);
  });

  it('should refuse a missing step function and a bad maxPending', () => {
    assert.throws(() => new Predictor(), /step must be a function/);
    assert.throws(() => new Predictor(step, { maxPending: 0 }), /maxPending=0/);
  });
});

describe('InputSequencer and Predictor restart', () => {
  it('should number from one again and forget the prediction when restarted', () => {
    // given
    const sequencer = new InputSequencer();
    const predictor = predicted(1, 2);
    sequencer.next();
    sequencer.next();

    // when
    sequencer.restart();
    predictor.restart();

    // then
    assert.equal(sequencer.next().seq, 1);
    assert.equal(predictor.state, null);
    assert.equal(predictor.pending.length, 0);
    assert.equal(predictor.ack, 0);
  });
});
