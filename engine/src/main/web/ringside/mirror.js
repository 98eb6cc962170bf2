// The client's mirror of a room's replicated state: it applies each StatePatch the server sends
// (ringside/v1/state.proto) and keeps the entities in this client's view, by type, as plain objects
// whose properties are the entity message's fields (camelCase, as protobufjs names them; 64-bit
// integers as BigInt, enums as numbers, quantized floats as the server shows them). Callbacks say
// what happened: onAdd(entity, id, type), onChange(entity, fields, id, type), onRemove(entity, id,
// type), onPatch(patch) after each whole patch. The entity objects are live: a change updates the
// same object in place, so a page may keep references to them.

import { RecordReader } from './state-reader.js';
import { EntityType, differs, typeName } from './state-types.js';

const CHANGE = 0;
const ENTER = 1;
const LEAVE = 2;
const RESYNC = 3;

/** A mirror of the entities in one client's view, built from StatePatch messages. */
export class StateMirror {
  /** `root`: the protobufjs Root with the game's entity types (loadProtos() gives one). */
  constructor(root) {
    this.root = root;
    this.types = new Map();       // type_id -> EntityType, from StatePatch.types until the next reset
    this.compiled = new Map();    // type name -> EntityType, kept across resets
    this.byType = new Map();      // type name -> Map(id -> entity values)
    this.records = new Map();     // id -> {type, values, raw: [], step: []}
    this.tick = 0;
    this.inputAck = 0;
    this.deferred = 0;
    this.patches = 0;
    this.failure = null;          // the error that broke the chain; patches wait for a reset
    this.skipped = 0;             // patches ignored while broken
    this.handlers = { add: [], change: [], remove: [], patch: [] };
  }

  /** Calls fn(entity, id, typeName) when an entity enters the view; for one type if `type` is given. */
  onAdd(type, fn) {
    return this.subscribe('add', type, fn);
  }

  /** Calls fn(entity, fieldNames, id, typeName) when fields of an entity change (extrapolation included). */
  onChange(type, fn) {
    return this.subscribe('change', type, fn);
  }

  /** Calls fn(entity, id, typeName) when an entity leaves the view, is despawned, or the mirror resets. */
  onRemove(type, fn) {
    return this.subscribe('remove', type, fn);
  }

  /** Calls fn({tick, inputAck, reset, deferred}, mirror) after each applied patch. */
  onPatch(fn) {
    return this.subscribe('patch', undefined, fn);
  }

  /** The live Map(id -> entity) of one type (a name like 'game.Fighter', or its protobufjs Type). */
  entities(type) {
    const name = typeof type === 'string' ? type : typeName(type);
    let map = this.byType.get(name);
    if (!map) {
      map = new Map();
      this.byType.set(name, map);
    }
    return map;
  }

  /** The entity with this id, or undefined. */
  get(id) {
    return this.records.get(id)?.values;
  }

  /** The type name of the entity with this id, or undefined. */
  typeOf(id) {
    return this.records.get(id)?.type.name;
  }

  /** How many entities the mirror holds. */
  get size() {
    return this.records.size;
  }

  /**
   * Applies one StatePatch (a decoded protobufjs message or a plain object with its fields). Throws
   * on a patch that does not fit the mirror (unknown id or type, truncated records); the mirror is
   * then broken (`failure`) and ignores patches until one with `reset`.
   */
  apply(patch) {
    if (this.failure && !patch.reset) {
      this.skipped++;
      return false;
    }
    try {
      this.applyRecords(patch);
    } catch (error) {
      this.failure = error;
      throw error;
    }
    this.failure = null;
    this.patches++;
    this.tick = toNumber(patch.tick ?? 0);
    this.inputAck = patch.inputAck ?? 0;
    this.deferred = patch.deferred ?? 0;
    this.emit('patch', undefined,
      { tick: this.tick, inputAck: this.inputAck, reset: Boolean(patch.reset), deferred: this.deferred }, this);
    return true;
  }

  /** Removes every entity (onRemove each) and forgets the type table and the input ack. */
  clear() {
    for (const [id, record] of this.records) {
      this.remove(id, record);
    }
    this.types.clear();
    this.inputAck = 0;
  }

  applyRecords(patch) {
    if (patch.reset) {
      this.clear();
    }
    for (const { typeId, name } of patch.types ?? []) {
      this.types.set(typeId, this.compile(typeId, name));
    }
    const reader = new RecordReader(patch.records ?? new Uint8Array(0));
    const touched = new Set();
    let prevId = 0;
    while (!reader.done) {
      const header = reader.varint32();
      const id = prevId + Math.floor(header / 4) + 1;
      if (id > 0xffffffff) {
        throw new RangeError(`record header ${header} after id ${prevId} names an id beyond 2^32 - 1`);
      }
      prevId = id;
      touched.add(id);
      this.applyRecord(header & 3, id, reader);
    }
    for (const [id, record] of this.records) {
      if (!touched.has(id)) {
        this.extrapolate(id, record);
      }
    }
  }

  applyRecord(kind, id, reader) {
    const record = this.records.get(id);
    if (kind === ENTER) {
      if (record) {
        throw new Error(`ENTER for entity ${id}, which is already in the mirror`);
      }
      this.enter(id, reader);
      return;
    }
    if (!record) {
      throw new Error(`${['CHANGE', '', 'LEAVE', 'RESYNC'][kind]} for entity ${id}, which is not in the mirror`);
    }
    if (kind === LEAVE) {
      this.remove(id, record);
    } else if (kind === CHANGE) {
      this.changed(id, record, () => readChange(record, reader));
    } else {
      const type = this.typeById(reader.varint32());
      if (type !== record.type) {
        throw new Error(`RESYNC of entity ${id} (${record.type.name}) as ${type.name}`);
      }
      this.changed(id, record, () => readFull(record, reader));
    }
  }

  enter(id, reader) {
    const type = this.typeById(reader.varint32());
    const record = { type, values: {}, raw: [], step: [] };
    readFull(record, reader);
    type.fields.forEach((field, i) => {
      record.values[field.name] = field.show(record.raw[i]);
    });
    this.records.set(id, record);
    this.entities(type.name).set(id, record.values);
    this.emit('add', type.name, record.values, id, type.name);
  }

  remove(id, record) {
    this.records.delete(id);
    this.byType.get(record.type.name)?.delete(id);
    this.emit('remove', record.type.name, record.values, id, record.type.name);
  }

  extrapolate(id, record) {
    if (record.step.length > 0) {
      this.changed(id, record, () => record.type.fields.forEach((field, i) => {
        if (field.linear) {
          record.raw[i] = field.wrap(record.raw[i] + record.step[i]);
        }
      }));
    }
  }

  /** Runs `update` on the record's raw values, then shows them and reports the fields that changed. */
  changed(id, record, update) {
    update();
    const fields = [];
    record.type.fields.forEach((field, i) => {
      const value = field.show(record.raw[i]);
      if (differs(value, record.values[field.name])) {
        record.values[field.name] = value;
        fields.push(field.name);
      }
    });
    if (fields.length > 0) {
      this.emit('change', record.type.name, record.values, fields, id, record.type.name);
    }
  }

  typeById(typeId) {
    const type = this.types.get(typeId);
    if (!type) {
      throw new Error(`entity type ${typeId} was not announced in StatePatch.types since the last reset`);
    }
    return type;
  }

  compile(typeId, name) {
    const known = this.compiled.get(name);
    if (known && known.typeId === typeId) {
      return known;
    }
    let type;
    try {
      type = this.root.lookupType(name);
    } catch (e) {
      throw new Error(`state type ${typeId} is ${name}, which the loaded .proto files do not declare`);
    }
    const compiled = new EntityType(type, typeId);
    this.compiled.set(name, compiled);
    return compiled;
  }

  subscribe(event, type, fn) {
    const handler = typeof type === 'function' ? { fn: type } : { fn, type: type && this.nameOf(type) };
    this.handlers[event].push(handler);
    return () => {
      this.handlers[event] = this.handlers[event].filter((h) => h !== handler);
    };
  }

  nameOf(type) {
    return typeof type === 'string' ? type : typeName(type);
  }

  emit(event, type, ...args) {
    for (const handler of this.handlers[event]) {
      if (handler.type === undefined || handler.type === type) {
        handler.fn(...args);
      }
    }
  }
}

/** A FULL body after its type id: every field, against defaults (state.proto "FULL body"). */
function readFull(record, reader) {
  const mask = reader.varint32();
  record.type.fields.forEach((field, i) => {
    const set = (mask >>> i) & 1;
    if (field.int32 || field.int64) {
      const read = () => (field.int64 ? reader.zz64() : reader.zz32());
      record.raw[i] = set ? field.wrap(read()) : field.defaultRaw();
      if (field.linear) {
        record.step[i] = set ? field.wrapStep(read()) : field.defaultRaw();
      }
    } else {
      record.raw[i] = set ? readValue(field, reader) : field.defaultRaw();
    }
  });
  checkMask(mask, record.type);
}

/** A CHANGE body: the carried fields against the mirror's values, LINEAR ones against q + v. */
function readChange(record, reader) {
  const mask = reader.varint32();
  if (mask === 0) {
    throw new Error('a CHANGE record with an empty mask');
  }
  record.type.fields.forEach((field, i) => {
    const set = (mask >>> i) & 1;
    if (field.int32 || field.int64) {
      const q = record.raw[i];
      const v = field.linear ? record.step[i] : field.defaultRaw();
      const r = set ? (field.int64 ? reader.zz64() : reader.zz32()) : field.defaultRaw();
      record.raw[i] = field.wrap(q + v + r);
      if (field.linear) {
        record.step[i] = field.wrapStep(v + r);
      }
    } else if (set) {
      record.raw[i] = field.kind === 'BOOL' ? !record.raw[i] : readValue(field, reader);
    }
  });
  checkMask(mask, record.type);
}

function readValue(field, reader) {
  switch (field.kind) {
    case 'FLOAT': return reader.f32();
    case 'DOUBLE': return reader.f64();
    case 'BOOL': return true;
    case 'STRING': return reader.string();
    default: return reader.lenbytes();
  }
}

function checkMask(mask, type) {
  if (type.fields.length < 32 && mask >>> type.fields.length !== 0) {
    throw new Error(`field mask ${mask} names fields beyond the ${type.fields.length} of ${type.name}`);
  }
}

function toNumber(value) {
  return typeof value === 'object' && value !== null ? Number(BigInt.asUintN(64,
    (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0))) : Number(value);
}
