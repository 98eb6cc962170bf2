// Random sequences of spawns, changes of every field kind (quantized, LINEAR and not), resyncs,
// despawns and resets, encoded by a small model of the server written here from state.proto with
// BigInt arithmetic; after every patch the mirror must hold exactly the model's entities.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_ENTITIES_PROTO, loadRoot } from './support.js';
import { CHANGE, ENTER, LEAVE, RESYNC, RecordWriter } from './records.js';
import { StateMirror } from '../../main/web/ringside/mirror.js';
import { EntityType } from '../../main/web/ringside/state-types.js';

const root = loadRoot(TEST_ENTITIES_PROTO);
const TYPES = [
  new EntityType(root.lookupType('ringside.test.Fighter'), 1),
  new EntityType(root.lookupType('ringside.test.Everything'), 7),
];
const TABLE = TYPES.map((t) => ({ typeId: t.typeId, name: t.name }));
const WIDTH = { INT32: 32, UINT32: 32, QUANT: 32, INT64: 64, UINT64: 64 };
const UNSIGNED = new Set(['UINT32', 'UINT64']);
const STRINGS = ['', 'a', 'Ål', '☃ snow', 'x'.repeat(40)];

/** xorshift32: the same sequence on every run. */
function random(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const wrap = (field, n) => (UNSIGNED.has(field.kind) ? BigInt.asUintN : BigInt.asIntN)(WIDTH[field.kind], n);
const signed = (field, n) => BigInt.asIntN(WIDTH[field.kind], n);

function randomValue(field, rnd) {
  if (WIDTH[field.kind]) {
    const small = BigInt(rnd.int(2001) - 1000);
    const any = (BigInt(Math.floor(rnd.next() * 2 ** 32)) << 32n) | BigInt(Math.floor(rnd.next() * 2 ** 32));
    return wrap(field, rnd.next() < 0.7 ? small : any);
  }
  switch (field.kind) {
    case 'FLOAT': return rnd.pick([0, -0, NaN, 1.5, Math.fround(rnd.next() * 1e6 - 5e5)]);
    case 'DOUBLE': return rnd.pick([0, -0, NaN, Infinity, rnd.next() * 1e12 - 5e11]);
    case 'BOOL': return rnd.next() < 0.5;
    case 'STRING': return rnd.pick(STRINGS);
    default: return Uint8Array.from({ length: rnd.int(4) }, () => rnd.int(256));
  }
}

function isDefault(field, value) {
  if (field.kind === 'STRING' || field.kind === 'BYTES') {
    return value.length === 0;
  }
  return Object.is(value, field.kind === 'BOOL' ? false : 0);
}

function writeInt(w, field, n) {
  return field.kind === 'INT64' || field.kind === 'UINT64' ? w.zz64(signed(field, n)) : w.zz32(Number(signed(field, n)));
}

function writeValue(w, field, value) {
  switch (field.kind) {
    case 'FLOAT': return w.f32(value);
    case 'DOUBLE': return w.f64(value);
    case 'BOOL': return w;
    case 'STRING': return w.string(value);
    default: return w.bytes(value);
  }
}

/** The server side of one client's view: what that client holds, and how to tell it changes. */
class Model {
  constructor(rnd) {
    this.rnd = rnd;
    this.entities = new Map(); // id -> {type, q: [], v: [], value: []}
    this.nextId = 1;
  }

  randomEntity(type) {
    const e = { type, q: [], v: [], value: [] };
    type.fields.forEach((field, i) => {
      if (WIDTH[field.kind]) {
        e.q[i] = this.rnd.next() < 0.3 ? 0n : randomValue(field, this.rnd);
        e.v[i] = field.linear && this.rnd.next() < 0.6 ? signed(field, BigInt(this.rnd.int(21) - 10)) : 0n;
      } else {
        e.value[i] = this.rnd.next() < 0.3 ? field.defaultRaw() : randomValue(field, this.rnd);
      }
    });
    return e;
  }

  writeFull(w, e) {
    w.varint(e.type.typeId);
    let mask = 0;
    const setBits = [];
    e.type.fields.forEach((field, i) => {
      const set = WIDTH[field.kind] ? e.q[i] !== 0n || e.v[i] !== 0n : !isDefault(field, e.value[i]);
      if (set) {
        mask |= 1 << i;
        setBits.push(i);
      }
    });
    w.varint(mask >>> 0);
    for (const i of setBits) {
      const field = e.type.fields[i];
      if (WIDTH[field.kind]) {
        writeInt(w, field, e.q[i]);
        if (field.linear) {
          writeInt(w, field, e.v[i]);
        }
      } else {
        writeValue(w, field, e.value[i]);
      }
    }
  }

  /** Changes some fields; writes a CHANGE record (nothing if none changed: then it only extrapolates). */
  change(w, id, e) {
    const carried = [];
    const next = e.type.fields.map((field, i) => {
      if (this.rnd.next() < 0.6) {
        return undefined;
      }
      if (WIDTH[field.kind]) {
        return this.rnd.next() < 0.5 ? wrap(field, e.q[i] + e.v[i] + BigInt(this.rnd.int(7) - 3)) : randomValue(field, this.rnd);
      }
      return field.kind === 'BOOL' ? !e.value[i] : randomValue(field, this.rnd);
    });
    next.forEach((value, i) => value !== undefined && carried.push(i));
    if (carried.length > 0) {
      w.header(id, CHANGE).varint(carried.reduce((mask, i) => mask | (1 << i), 0) >>> 0);
    }
    // LINEAR fields not carried move by their step; carried integers are sent against that prediction
    e.type.fields.forEach((field, i) => {
      if (WIDTH[field.kind]) {
        const predicted = wrap(field, e.q[i] + e.v[i]);
        if (next[i] !== undefined) {
          const r = signed(field, next[i] - predicted);
          writeInt(w, field, r);
          e.q[i] = next[i];
          e.v[i] = field.linear ? signed(field, e.v[i] + r) : 0n;
        } else {
          e.q[i] = predicted;
        }
      } else if (next[i] !== undefined) {
        writeValue(w, field, next[i]);
        e.value[i] = next[i];
      }
    });
  }

  /** One patch of random operations, as the server would send it. */
  patch(reset) {
    const w = new RecordWriter();
    if (reset) {
      this.entities.clear();
    }
    const ops = new Map();
    for (const id of this.entities.keys()) {
      ops.set(id, this.rnd.pick(['idle', 'idle', 'change', 'change', 'leave', 'resync']));
    }
    for (let n = this.rnd.int(reset ? 6 : 3); n > 0; n--) {
      this.nextId += 1 + this.rnd.int(this.rnd.next() < 0.1 ? 100000 : 3);
      ops.set(this.nextId, 'enter');
    }
    for (const id of [...ops.keys()].sort((a, b) => a - b)) {
      const op = ops.get(id);
      const e = this.entities.get(id);
      if (op === 'enter') {
        const entity = this.randomEntity(this.rnd.pick(TYPES));
        this.writeFull(w.header(id, ENTER), entity);
        this.entities.set(id, entity);
      } else if (op === 'leave') {
        w.header(id, LEAVE);
        this.entities.delete(id);
      } else if (op === 'resync') {
        Object.assign(e, this.randomEntity(e.type));
        this.writeFull(w.header(id, RESYNC), e);
      } else if (op === 'idle') {
        this.extrapolate(e);
      } else {
        this.change(w, id, e);
      }
    }
    return { reset, types: reset ? TABLE : [], records: w.finish() };
  }

  extrapolate(e) {
    e.type.fields.forEach((field, i) => {
      if (field.linear) {
        e.q[i] = wrap(field, e.q[i] + e.v[i]);
      }
    });
  }

  /** What the mirror must show: id -> entity values. */
  expected() {
    const out = new Map();
    for (const [id, e] of this.entities) {
      const values = {};
      e.type.fields.forEach((field, i) => {
        if (WIDTH[field.kind]) {
          const q = WIDTH[field.kind] === 64 ? e.q[i] : Number(e.q[i]);
          values[field.name] = field.kind === 'QUANT' ? field.show(q) : q;
        } else {
          values[field.name] = e.value[i];
        }
      });
      out.set(id, values);
    }
    return out;
  }
}

describe('StateMirror against a model of the server', () => {
  for (const seed of [1, 2, 3, 42, 1234, 99991]) {
    it(`should equal the model after every patch of random sequence ${seed}`, () => {
      // given
      const rnd = random(seed);
      const model = new Model(rnd);
      const mirror = new StateMirror(root);
      let changes = 0;
      mirror.onChange(() => changes++);

      for (let step = 0; step < 300; step++) {
        // when
        const patch = model.patch(step === 0 || rnd.next() < 0.02);
        mirror.apply({ ...patch, tick: step });

        // then
        const expected = model.expected();
        assert.equal(mirror.size, expected.size, `seed ${seed} step ${step}: entity count`);
        for (const [id, values] of expected) {
          assert.deepEqual(mirror.get(id), values, `seed ${seed} step ${step}: entity ${id}`);
        }
      }
      assert.ok(changes > 100, `only ${changes} changes`);
    });
  }
});
