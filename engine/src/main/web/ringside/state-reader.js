// Reads the values of StatePatch.records (ringside/v1/state.proto, "Values on the wire"): protobuf's
// varint, ZigZag, little-endian float and length-prefixed encodings, over one Uint8Array. 64-bit
// integers come back as BigInt, everything else as numbers, strings and byte arrays. Every read
// past the end, or a varint longer than its width allows, throws a RangeError naming the offset.

const UTF8 = new TextDecoder('utf-8');

export class RecordReader {
  /** `bytes`: a Uint8Array, or an array of byte values (protobufjs decodes an absent bytes field as []). */
  constructor(bytes) {
    this.bytes = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    this.pos = 0;
  }

  /** True when every byte was read. */
  get done() {
    return this.pos >= this.bytes.length;
  }

  /** An unsigned LEB128 varint of at most 5 bytes, as an unsigned 32-bit number. */
  varint32() {
    const start = this.pos;
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte(start);
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) {
        if (value > 0xffffffff) {
          throw new RangeError(`varint at offset ${start} exceeds 32 bits`);
        }
        return value;
      }
    }
    throw new RangeError(`varint at offset ${start} is longer than 5 bytes`);
  }

  /** A ZigZag varint (protobuf sint32) as a signed 32-bit number. */
  zz32() {
    const u = this.varint32();
    return (u >>> 1) ^ -(u & 1);
  }

  /** An unsigned LEB128 varint of at most 10 bytes, as a BigInt below 2^64. */
  varint64() {
    const start = this.pos;
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const b = this.byte(start);
      value |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) {
        if (value >= 1n << 64n) {
          throw new RangeError(`varint at offset ${start} exceeds 64 bits`);
        }
        return value;
      }
    }
    throw new RangeError(`varint at offset ${start} is longer than 10 bytes`);
  }

  /** A ZigZag varint (protobuf sint64) as a signed 64-bit BigInt. */
  zz64() {
    const u = this.varint64();
    return (u >> 1n) ^ -(u & 1n);
  }

  /** A little-endian IEEE 754 single. */
  f32() {
    return this.view.getFloat32(this.take(4), true);
  }

  /** A little-endian IEEE 754 double. */
  f64() {
    return this.view.getFloat64(this.take(8), true);
  }

  /** A varint length, then that many bytes (a copy). */
  lenbytes() {
    const length = this.varint32();
    const start = this.take(length);
    return this.bytes.slice(start, start + length);
  }

  /** A varint length, then that many bytes of UTF-8. */
  string() {
    const length = this.varint32();
    const start = this.take(length);
    return UTF8.decode(this.bytes.subarray(start, start + length));
  }

  byte(start) {
    if (this.pos >= this.bytes.length) {
      throw new RangeError(`records end inside the value at offset ${start} (${this.bytes.length} bytes)`);
    }
    return this.bytes[this.pos++];
  }

  take(length) {
    const start = this.pos;
    if (length > this.bytes.length - start) {
      throw new RangeError(`records end inside the ${length}-byte value at offset ${start} (${this.bytes.length} bytes)`);
    }
    this.pos += length;
    return start;
  }
}
