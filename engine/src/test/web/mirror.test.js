import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { TEST_ENTITIES_PROTO, loadRoot } from './support.js';
import { CHANGE, ENTER, LEAVE, RESYNC, RecordWriter, hex } from './records.js';
import { StateMirror } from '../../main/web/ringside/mirror.js';
import { Predictor } from '../../main/web/ringside/prediction.js';

const root = loadRoot(TEST_ENTITIES_PROTO);
const FIGHTER = 'ringside.test.Fighter';
const EVERYTHING = 'ringside.test.Everything';
const TYPES = [{ typeId: 1, name: FIGHTER }, { typeId: 7, name: EVERYTHING }];

/** A mirror that logs every callback as [event, id, detail]. */
function recorded() {
  const mirror = new StateMirror(root);
  const log = [];
  mirror.onAdd((entity, id, type) => log.push(['add', id, type]));
  mirror.onChange((entity, fields, id) => log.push(['change', id, fields]));
  mirror.onRemove((entity, id) => log.push(['remove', id]));
  return { mirror, log };
}

describe('StateMirror, state.proto worked example', () => {
  // the example's bytes with record headers as the header formula gives them: ENTER id 1 is
  // ((1 - 0 - 1) << 2) | 1 = 01 (the comment's "05" would be id 2)
  const patch1 = { reset: true, types: [{ typeId: 1, name: FIGHTER }], records: hex('01 01 3b f4 03 00 c8 01 00 c8 01 06 02 41 6c') };
  const patch2 = { records: hex('00 09 0a 13') };
  const patch3 = { records: hex('') };

  it('should spawn the fighter with every field the ENTER record carries', () => {
    // given
    const { mirror, log } = recorded();

    // when
    mirror.apply(patch1);

    // then
    assert.deepEqual(mirror.get(1), { x: 2.5, y: 1, aim: 0, health: 100, score: 3, name: 'Al', ammo: 0 });
    assert.equal(mirror.entities(FIGHTER).get(1), mirror.get(1));
    assert.equal(mirror.typeOf(1), FIGHTER);
    assert.deepEqual(log, [['add', 1, FIGHTER]]);
  });

  it('should apply the residual against the extrapolation and learn the step', () => {
    // given
    const { mirror, log } = recorded();
    mirror.apply(patch1);

    // when
    mirror.apply(patch2);

    // then: q 255 shown in single precision, health 100 - 10
    assert.equal(mirror.get(1).x, Math.fround(255 * 0.01));
    assert.equal(mirror.get(1).health, 90);
    assert.deepEqual(log.at(-1), ['change', 1, ['x', 'health']]);
  });

  it('should extrapolate a LINEAR field by its step when the patch says nothing of the entity', () => {
    // given
    const { mirror, log } = recorded();
    mirror.apply(patch1);
    mirror.apply(patch2);

    // when
    mirror.apply(patch3);
    mirror.apply(patch3);

    // then: 255 + 5, then + 5 again
    assert.equal(mirror.get(1).x, Math.fround(265 * 0.01));
    assert.equal(mirror.get(1).y, 1);
    assert.deepEqual(log.slice(-2), [['change', 1, ['x']], ['change', 1, ['x']]]);
  });

  it('should remove an entity on LEAVE and keep the live entity object it handed out', () => {
    // given
    const { mirror, log } = recorded();
    mirror.apply(patch1);
    const fighter = mirror.get(1);
    mirror.apply(patch2);

    // when
    mirror.apply({ records: hex('02') });

    // then
    assert.equal(fighter.health, 90);
    assert.equal(mirror.size, 0);
    assert.equal(mirror.entities(FIGHTER).size, 0);
    assert.deepEqual(log.at(-1), ['remove', 1]);
  });
});

describe('StateMirror, records', () => {
  let mirror;
  let log;

  beforeEach(() => {
    ({ mirror, log } = recorded());
  });

  const enterFighter = (w, id, health) => w.header(id, ENTER).varint(1).varint(1 << 3).zz32(health);

  it('should find ids from the gaps in ascending headers', () => {
    // given
    const w = new RecordWriter();
    enterFighter(w, 3, 30);
    enterFighter(w, 4, 40);
    enterFighter(w, 1000, 50);

    // when
    mirror.apply({ reset: true, types: TYPES, records: w.finish() });

    // then
    assert.deepEqual([...mirror.entities(FIGHTER).keys()], [3, 4, 1000]);
    assert.deepEqual([3, 4, 1000].map((id) => mirror.get(id).health), [30, 40, 50]);
    assert.deepEqual(w.finish().subarray(0, 4), hex('09 01 08 3c'));
  });

  it('should read every field kind of a FULL body, with field indexes in field-number order', () => {
    // given: every bit set; fields by number: i32 s32 sf32 u32 fx32 i64 s64 sf64 u64 fx64 fl db flag
    // text data color dq li lu lu32
    const w = new RecordWriter().header(5, ENTER).varint(7).varint(0xfffff);
    w.zz32(-7).zz32(-2147483648).zz32(123).zz32(-1).zz32(42);
    w.zz64(-5n).zz64(-(2n ** 63n)).zz64(9007199254740993n).zz64(-1n).zz64(77n);
    w.f32(1.5).f64(-0).string('héllo ☃').bytes([0, 255]).zz32(2);
    w.zz32(-3).zz32(2);          // dq: q = -3 (-1.5), v = 2
    w.zz32(10).zz32(-1);         // li
    w.zz64(2n ** 64n - 1n).zz64(1n); // lu: q at the top of uint64, v = 1
    w.zz32(-1).zz32(1);          // lu32: q = 2^32 - 1, v = 1

    // when
    mirror.apply({ reset: true, types: TYPES, records: w.finish() });

    // then
    assert.deepEqual(mirror.get(5), {
      i32: -7, s32: -2147483648, sf32: 123, u32: 4294967295, fx32: 42,
      i64: -5n, s64: -(2n ** 63n), sf64: 9007199254740993n, u64: 2n ** 64n - 1n, fx64: 77n,
      fl: 1.5, db: -0, flag: true, text: 'héllo ☃', data: Uint8Array.of(0, 255), color: 2,
      dq: -1.5, li: 10, lu: 2n ** 64n - 1n, lu32: 4294967295,
    });
    assert.ok(Object.is(mirror.get(5).db, -0));
  });

  it('should take defaults for clear bits and wrap CHANGE deltas at each kind width', () => {
    // given: an Everything with i32 at 2^31 - 1, u32 0, i64 at 2^63 - 1, u64 0, flag false
    const enter = new RecordWriter().header(2, ENTER).varint(7).varint(0b1).zz32(2147483647);
    mirror.apply({ reset: true, types: TYPES, records: enter.finish() });
    const i64Max = 2n ** 63n - 1n;
    const set = new RecordWriter().header(2, CHANGE).varint(1 << 5).zz64(i64Max);
    mirror.apply({ records: set.finish() });

    // when: +1 on each integer, flag flipped twice over two patches, text and float set
    const change = new RecordWriter().header(2, CHANGE)
      .varint((1 << 0) | (1 << 3) | (1 << 5) | (1 << 8) | (1 << 12) | (1 << 13) | (1 << 10))
      .zz32(1).zz32(-1).zz64(1n).zz64(-1n).f32(0.1).string('x');
    mirror.apply({ records: change.finish() });
    const flagBefore = mirror.get(2).flag;
    mirror.apply({ records: new RecordWriter().header(2, CHANGE).varint(1 << 12).finish() });

    // then
    const e = mirror.get(2);
    assert.equal(e.i32, -2147483648);
    assert.equal(e.u32, 4294967295);
    assert.equal(e.i64, -(2n ** 63n));
    assert.equal(e.u64, 2n ** 64n - 1n);
    assert.equal(e.fl, Math.fround(0.1));
    assert.equal(e.text, 'x');
    assert.equal(flagBefore, true);
    assert.equal(e.flag, false);
    assert.equal(e.s32, 0);
    assert.deepEqual(log.at(-1), ['change', 2, ['flag']]);
  });

  it('should extrapolate LINEAR fields of every integer kind, wrapping, in entities without a record', () => {
    // given: dq q = 1 (0.5) v = 2; li q = 2^31 - 1, v = 1; lu q = 2^64 - 1, v = 1; lu32 q = 0, v = -1
    const w = new RecordWriter().header(9, ENTER).varint(7).varint(0xf << 16)
      .zz32(1).zz32(2).zz32(2147483647).zz32(1).zz64(-1n).zz64(1n).zz32(0).zz32(-1);
    mirror.apply({ reset: true, types: TYPES, records: w.finish() });

    // when
    mirror.apply({ records: new Uint8Array(0) });

    // then
    assert.deepEqual(
      (({ dq, li, lu, lu32 }) => ({ dq, li, lu, lu32 }))(mirror.get(9)),
      { dq: 1.5, li: -2147483648, lu: 0n, lu32: 4294967295 });
    assert.deepEqual(log.at(-1), ['change', 9, ['dq', 'li', 'lu', 'lu32']]);
  });

  it('should replace every field on RESYNC and report only those that differ', () => {
    // given: fighter 4 with health 50, x moving by 1 step per patch
    const w = new RecordWriter().header(4, ENTER).varint(1).varint(0b1001).zz32(100).zz32(1).zz32(50);
    mirror.apply({ reset: true, types: TYPES, records: w.finish() });

    // when: resent whole: x q = 300 v = 0, health 50 again, name set; score's bit clear
    const resync = new RecordWriter().header(4, RESYNC).varint(1).varint(0b101001).zz32(300).zz32(0).zz32(50).string('Bo');
    mirror.apply({ records: resync.finish() });
    mirror.apply({ records: new Uint8Array(0) });

    // then: x no longer moves (v came with the record)
    assert.deepEqual(mirror.get(4), { x: 3, y: 0, aim: 0, health: 50, score: 0, name: 'Bo', ammo: 0 });
    assert.deepEqual(log.slice(1), [['change', 4, ['x', 'name']]]);
  });

  it('should remove everything on reset and take the new type table', () => {
    // given
    const w = new RecordWriter();
    enterFighter(w, 1, 10);
    enterFighter(w, 2, 20);
    mirror.apply({ reset: true, types: TYPES, records: w.finish() });

    // when: a new view whose table announces Everything only
    const again = new RecordWriter().header(1, ENTER).varint(7).varint(1).zz32(5);
    mirror.apply({ reset: true, types: [{ typeId: 7, name: EVERYTHING }], records: again.finish() });

    // then
    assert.deepEqual(log.slice(2), [['remove', 1], ['remove', 2], ['add', 1, EVERYTHING]]);
    assert.equal(mirror.get(1).i32, 5);
    assert.equal(mirror.entities(FIGHTER).size, 0);
    assert.throws(() => mirror.apply({ records: enterFighter(new RecordWriter(), 2, 1).finish() }),
      /entity type 1 was not announced/);
  });

  it('should take records decoded as a plain empty array, as protobufjs decodes an absent bytes field', () => {
    // given
    mirror.apply({ reset: true, types: TYPES, records: enterFighter(new RecordWriter(), 1, 10).finish() });

    // when
    const applied = mirror.apply({ inputAck: 3, records: [] });

    // then
    assert.equal(applied, true);
    assert.equal(mirror.inputAck, 3);
    assert.equal(mirror.get(1).health, 10);
  });

  it('should expose tick, input ack and deferred count after each patch', () => {
    // given
    const patches = [];
    mirror.onPatch((patch) => patches.push(patch));

    // when
    mirror.apply({ reset: true, types: TYPES, tick: 120, inputAck: 7, deferred: 2 });
    mirror.apply({ tick: { low: 5, high: 1, unsigned: true }, inputAck: 9 });

    // then
    assert.deepEqual(patches, [
      { tick: 120, inputAck: 7, reset: true, deferred: 2 },
      { tick: 2 ** 32 + 5, inputAck: 9, reset: false, deferred: 0 },
    ]);
    assert.equal(mirror.inputAck, 9);
  });

  it('should call typed callbacks for their type only, until unsubscribed', () => {
    // given
    const fighters = [];
    const off = mirror.onAdd(FIGHTER, (entity, id) => fighters.push(id));
    mirror.onAdd(root.lookupType(EVERYTHING), (entity, id) => fighters.push(-id));
    const w = new RecordWriter();
    enterFighter(w, 1, 10);
    w.header(2, ENTER).varint(7).varint(0);
    mirror.apply({ reset: true, types: TYPES, records: w.finish() });

    // when
    off();
    mirror.apply({ records: enterFighter(new RecordWriter(), 3, 10).finish() });

    // then
    assert.deepEqual(fighters, [1, -2]);
    assert.equal(mirror.entities(root.lookupType(FIGHTER)).size, 2);
  });

  it('should let the predictor reconcile the own entity against the input ack', () => {
    // given: the own fighter's x in units, moved by each input's dx
    const predictor = new Predictor((x, input) => x + input.dx);
    mirror.apply({ reset: true, types: TYPES, records: enterFighter(new RecordWriter(), 1, 100).finish() });
    predictor.reset(mirror.get(1).x);
    for (let seq = 1; seq <= 3; seq++) {
      predictor.apply({ seq, dx: 1 });
    }

    // when: the server applied inputs 1 and 2 (x = 2.0) and acks 2
    mirror.onPatch((patch, m) => predictor.reconcile(m.get(1).x, patch.inputAck));
    mirror.apply({ inputAck: 2, records: new RecordWriter().header(1, CHANGE).varint(1).zz32(200).finish() });

    // then
    assert.equal(predictor.state, 3);
    assert.deepEqual(predictor.pending.map((input) => input.seq), [3]);
  });
});

describe('StateMirror, bad patches', () => {
  const cases = [
    ['CHANGE of an unknown id', { records: hex('00 01 02') }, /CHANGE for entity 1, which is not in the mirror/],
    ['LEAVE of an unknown id', { records: hex('06') }, /LEAVE for entity 2, which is not in the mirror/],
    ['ENTER of a known id', { records: hex('09 01 00') }, /ENTER for entity 3, which is already/],
    ['an unannounced type', { records: hex('11 09 00') }, /entity type 9 was not announced/],
    ['truncated records', { records: hex('11 01 08') }, /records end inside/],
    ['a mask beyond the fields', { records: hex('08 80 01') }, /field mask 128 names fields beyond the 7/],
    ['an empty CHANGE mask', { records: hex('08 00') }, /empty mask/],
    ['a type the .proto lacks', { types: [{ typeId: 4, name: 'x.Nope' }] }, /state type 4 is x.Nope, which the loaded .proto/],
    ['a type that is no entity', { types: [{ typeId: 4, name: 'ringside.test.NotAnEntity' }] }, /values: repeated/],
    ['a type id other than its .proto says', { types: [{ typeId: 4, name: FIGHTER }] }, /whose .proto says type_id 1/],
  ];

  for (const [what, patch, message] of cases) {
    it(`should refuse ${what}, then wait for a reset`, () => {
      // given: fighter 3 in the mirror
      const { mirror } = recorded();
      mirror.apply({ reset: true, types: TYPES, records: hex('09 01 00') });

      // when
      assert.throws(() => mirror.apply(patch), message);
      const skipped = mirror.apply({ records: hex('') });
      const recovered = mirror.apply({ reset: true, types: TYPES, records: hex('01 01 00') });

      // then
      assert.equal(skipped, false);
      assert.equal(mirror.skipped, 1);
      assert.equal(recovered, true);
      assert.equal(mirror.failure, null);
      assert.deepEqual([...mirror.entities(FIGHTER).keys()], [1]);
    });
  }
});
