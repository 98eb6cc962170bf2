// Entity types of replicated state, compiled from the game's .proto as protobufjs parsed it
// (ringside/v1/state.proto, "Supported entity fields" and "Field kinds"): per field, in FIELD INDEX
// order (by field number), its name, its kind, its fixed-point scale and whether it is LINEAR.

export const Kind = Object.freeze({
  INT32: 'INT32', UINT32: 'UINT32', INT64: 'INT64', UINT64: 'UINT64', QUANT: 'QUANT',
  FLOAT: 'FLOAT', DOUBLE: 'DOUBLE', BOOL: 'BOOL', STRING: 'STRING', BYTES: 'BYTES',
});

const SCALAR_KINDS = {
  int32: Kind.INT32, sint32: Kind.INT32, sfixed32: Kind.INT32,
  uint32: Kind.UINT32, fixed32: Kind.UINT32,
  int64: Kind.INT64, sint64: Kind.INT64, sfixed64: Kind.INT64,
  uint64: Kind.UINT64, fixed64: Kind.UINT64,
  float: Kind.FLOAT, double: Kind.DOUBLE, bool: Kind.BOOL, string: Kind.STRING, bytes: Kind.BYTES,
};
const INT32_KINDS = new Set([Kind.INT32, Kind.UINT32, Kind.QUANT]);
const INT64_KINDS = new Set([Kind.INT64, Kind.UINT64]);
const MAX_FIELDS = 32;

/** The protobuf full name of a protobufjs type, without the leading dot. */
export function typeName(type) {
  return type.fullName.replace(/^\./, '');
}

/** One entity type: its name, type id and fields in FIELD INDEX order. */
export class EntityType {
  /** Compiles protobufjs message type `type`, announced on the wire as `typeId`. */
  constructor(type, typeId) {
    this.name = typeName(type);
    this.typeId = typeId;
    const declared = option(type.options, 'entity', 'type_id');
    if (declared !== undefined && Number(declared) !== typeId) {
      throw new Error(`state type ${typeId} is ${this.name}, whose .proto says type_id ${declared}`);
    }
    const fields = type.fieldsArray.slice().sort((a, b) => a.id - b.id);
    if (fields.length > MAX_FIELDS) {
      throw new Error(`${this.name} has ${fields.length} fields (an entity type has at most ${MAX_FIELDS})`);
    }
    this.fields = fields.map((field) => compileField(this.name, field));
  }
}

function compileField(entityName, field) {
  const where = `${entityName}.${field.name}`;
  if (field.repeated || field.map || field.partOf) {
    throw new Error(`${where}: repeated, map and oneof fields are not replicated`);
  }
  let kind = SCALAR_KINDS[field.type];
  if (kind === undefined) {
    const resolved = field.resolve().resolvedType;
    if (!resolved || resolved.values === undefined) {
      throw new Error(`${where}: message fields are not replicated`);
    }
    kind = Kind.INT32; // an enum, by its number
  }
  const scale = Number(option(field.options, 'field', 'scale') ?? 0);
  const predict = option(field.options, 'field', 'predict');
  const single = field.type === 'float';
  if (scale > 0 && (kind === Kind.FLOAT || kind === Kind.DOUBLE)) {
    kind = Kind.QUANT;
  }
  const linear = predict === 'LINEAR' || predict === 1;
  if (linear && !INT32_KINDS.has(kind) && !INT64_KINDS.has(kind)) {
    throw new Error(`${where}: predict LINEAR needs an integer or quantized field`);
  }
  return new EntityField(field.name, kind, scale, single, linear);
}

/** `(ringside.v1.<extension>).<key>` of protobufjs options, as the parser records them. */
function option(options, extension, key) {
  return options?.[`(ringside.v1.${extension}).${key}`];
}

/** One field of an entity type: how its raw integer (or value) is wrapped, shown and defaulted. */
export class EntityField {
  constructor(name, kind, scale, single, linear) {
    this.name = name;
    this.kind = kind;
    this.scale = scale;
    this.single = single;
    this.linear = linear;
    this.int32 = INT32_KINDS.has(kind);
    this.int64 = INT64_KINDS.has(kind);
  }

  /** n = base + delta, wrapped as DELTA says for this kind (32-bit kinds: numbers; 64-bit: BigInt). */
  wrap(n) {
    switch (this.kind) {
      case Kind.UINT32: return n >>> 0;
      case Kind.INT64: return BigInt.asIntN(64, n);
      case Kind.UINT64: return BigInt.asUintN(64, n);
      default: return n | 0;
    }
  }

  /** A velocity (change per patch) wrapped to the kind's signed width. */
  wrapStep(v) {
    return this.int64 ? BigInt.asIntN(64, v) : v | 0;
  }

  /** The value shown for raw integer q: q itself, or q * scale (in single precision for float). */
  show(q) {
    if (this.kind !== Kind.QUANT) {
      return q;
    }
    return this.single ? Math.fround(q * this.scale) : q * this.scale;
  }

  /** The raw value of a field at its default: 0, 0n, false, '', empty bytes. */
  defaultRaw() {
    switch (this.kind) {
      case Kind.INT64: case Kind.UINT64: return 0n;
      case Kind.BOOL: return false;
      case Kind.STRING: return '';
      case Kind.BYTES: return new Uint8Array(0);
      default: return 0;
    }
  }
}

/** Whether two shown values of a field differ (-0 differs from 0; NaN equals NaN; bytes by content). */
export function differs(a, b) {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length !== b.length || a.some((x, i) => x !== b[i]);
  }
  return !Object.is(a, b);
}
