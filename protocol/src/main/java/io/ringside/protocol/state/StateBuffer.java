package io.ringside.protocol.state;

import com.google.protobuf.ByteString;
import java.util.Arrays;

/**
 * A growable byte buffer that state records are written into, with the value encodings of
 * {@code ringside/v1/state.proto} (varint, ZigZag, little-endian IEEE 754, length-prefixed bytes).
 * It grows by doubling and never shrinks, so once warm writing allocates nothing.
 *
 * <p>Not thread-safe; one writer (a room's tick thread).
 */
public final class StateBuffer {
    private byte[] bytes;
    private int position;

    /** A buffer of {@code initialCapacity} bytes, at least 16. */
    public StateBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; bytes {@code [0, position())} are written. Valid until the next write. */
    public byte[] array() {
        return bytes;
    }

    /** The number of bytes written since the last {@link #clear()}. */
    public int position() {
        return position;
    }

    /** Forgets every byte written. */
    public void clear() {
        position = 0;
    }

    /** Goes back to {@code position} (at most the current one), dropping what was written after it. */
    public void truncate(int newPosition) {
        if (newPosition < 0 || newPosition > position) {
            throw new IllegalArgumentException("position=" + newPosition);
        }
        position = newPosition;
    }

    /** Appends one byte. */
    public void writeByte(int value) {
        ensure(1);
        bytes[position++] = (byte) value;
    }

    /** Appends an unsigned LEB128 varint of the 32 bits of {@code value}. */
    public void writeVarint32(int value) {
        ensure(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            bytes[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[position++] = (byte) v;
    }

    /** Appends an unsigned LEB128 varint of the 64 bits of {@code value}. */
    public void writeVarint64(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[position++] = (byte) v;
    }

    /** Appends {@code value} as protobuf {@code sint32} (ZigZag, then varint). */
    public void writeZigzag32(int value) {
        writeVarint32((value << 1) ^ (value >> 31));
    }

    /** Appends {@code value} as protobuf {@code sint64} (ZigZag, then varint). */
    public void writeZigzag64(long value) {
        writeVarint64((value << 1) ^ (value >> 63));
    }

    /** Appends the IEEE 754 bits of {@code value}, little-endian. */
    public void writeFloat(float value) {
        writeFixed32(Float.floatToRawIntBits(value));
    }

    /** Appends the IEEE 754 bits of {@code value}, little-endian. */
    public void writeDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        writeFixed32((int) bits);
        writeFixed32((int) (bits >>> 32));
    }

    /** Appends a varint length, then {@code value}'s bytes. */
    public void writeLengthDelimited(ByteString value) {
        int length = value.size();
        writeVarint32(length);
        ensure(length);
        value.copyTo(bytes, position);
        position += length;
    }

    /** Appends {@code length} bytes of {@code source} from {@code offset}. */
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, position, length);
        position += length;
    }

    private void writeFixed32(int value) {
        ensure(4);
        bytes[position++] = (byte) value;
        bytes[position++] = (byte) (value >>> 8);
        bytes[position++] = (byte) (value >>> 16);
        bytes[position++] = (byte) (value >>> 24);
    }

    private void ensure(int more) {
        if (bytes.length - position < more) {
            long wanted = Math.max((long) bytes.length * 2, (long) position + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("state buffer over 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    /** The number of bytes {@link #writeVarint32} takes for {@code value}. */
    public static int varint32Size(int value) {
        if ((value & (~0 << 7)) == 0) {
            return 1;
        }
        if ((value & (~0 << 14)) == 0) {
            return 2;
        }
        if ((value & (~0 << 21)) == 0) {
            return 3;
        }
        if ((value & (~0 << 28)) == 0) {
            return 4;
        }
        return 5;
    }
}
