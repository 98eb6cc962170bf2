// Writes StatePatch.records byte by byte as ringside/v1/state.proto specifies them, for tests that
// build patches by hand: record headers, varints, ZigZag, little-endian floats, length-prefixed bytes.

export const CHANGE = 0;
export const ENTER = 1;
export const LEAVE = 2;
export const RESYNC = 3;

export class RecordWriter {
  constructor() {
    this.out = [];
    this.prevId = 0;
  }

  /** A record header for entity `id` of `kind`; ids must ascend within a patch. */
  header(id, kind) {
    this.varint(((id - this.prevId - 1) * 4) + kind);
    this.prevId = id;
    return this;
  }

  varint(value) {
    let n = BigInt(value);
    while (n >= 0x80n) {
      this.out.push(Number(n & 0x7fn) | 0x80);
      n >>= 7n;
    }
    this.out.push(Number(n));
    return this;
  }

  zz32(value) {
    return this.varint(((value << 1) ^ (value >> 31)) >>> 0);
  }

  zz64(value) {
    const n = BigInt.asIntN(64, BigInt(value));
    return this.varint(BigInt.asUintN(64, (n << 1n) ^ (n >> 63n)));
  }

  f32(value) {
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, value, true);
    this.out.push(...new Uint8Array(view.buffer));
    return this;
  }

  f64(value) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value, true);
    this.out.push(...new Uint8Array(view.buffer));
    return this;
  }

  string(value) {
    return this.bytes(new TextEncoder().encode(value));
  }

  bytes(value) {
    this.varint(value.length);
    this.out.push(...value);
    return this;
  }

  finish() {
    return Uint8Array.from(this.out);
  }
}

/** Bytes from hex pairs separated by spaces, as state.proto's worked example writes them. */
export function hex(text) {
  return Uint8Array.from(text.split(/\s+/).filter(Boolean).map((pair) => parseInt(pair, 16)));
}
