package io.ringside.protocol.http;

/**
 * Immutable limits on a request head. Defaults: 8 KiB in all, 64 header fields, 4 KiB request line.
 *
 * <p>A parser allocates {@code maxHeadBytes} bytes and five arrays of {@code maxHeaderCount}
 * entries once, when it is created (RFC 9112 §2.3 leaves these limits to the server; RFC 6585 §5
 * gives 431, RFC 9110 §15.5.15 gives 414). Immutable, so any thread may share it.
 */
public final class HandshakeLimits {
    /** Default for {@link #maxHeadBytes()}: 8 KiB. */
    public static final int DEFAULT_MAX_HEAD_BYTES = 8 * 1024;
    /** Default for {@link #maxHeaderCount()}: 64. */
    public static final int DEFAULT_MAX_HEADER_COUNT = 64;
    /** Default for {@link #maxRequestLineBytes()}: 4 KiB. */
    public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 4 * 1024;
    /** Upper bound for {@link #maxHeadBytes()}: 1 MiB, since each parser allocates that much. */
    public static final int MAX_HEAD_BYTES = 1024 * 1024;
    /** Upper bound for {@link #maxHeaderCount()}: 65536. */
    public static final int MAX_HEADER_COUNT = 65_536;

    private final int maxHeadBytes;
    private final int maxHeaderCount;
    private final int maxRequestLineBytes;

    private HandshakeLimits(Builder builder) {
        this.maxHeadBytes = builder.maxHeadBytes;
        this.maxHeaderCount = builder.maxHeaderCount;
        this.maxRequestLineBytes = builder.maxRequestLineBytes;
    }

    /** Limits with every default. */
    public static HandshakeLimits defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Largest request head (request line, fields and the blank line), in bytes; more fails with 431. */
    public int maxHeadBytes() {
        return maxHeadBytes;
    }

    /** Most header fields; more fails with 431. */
    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    /** Longest request line, in bytes; longer fails with 414. */
    public int maxRequestLineBytes() {
        return maxRequestLineBytes;
    }

    /** Builds {@link HandshakeLimits}; {@link #build()} checks every value. */
    public static final class Builder {
        private int maxHeadBytes = DEFAULT_MAX_HEAD_BYTES;
        private int maxHeaderCount = DEFAULT_MAX_HEADER_COUNT;
        private int maxRequestLineBytes = DEFAULT_MAX_REQUEST_LINE_BYTES;

        private Builder() {
        }

        /** Sets the largest request head in bytes. */
        public Builder maxHeadBytes(int maxHeadBytes) {
            this.maxHeadBytes = maxHeadBytes;
            return this;
        }

        /** Sets the most header fields. */
        public Builder maxHeaderCount(int maxHeaderCount) {
            this.maxHeaderCount = maxHeaderCount;
            return this;
        }

        /** Sets the longest request line in bytes. */
        public Builder maxRequestLineBytes(int maxRequestLineBytes) {
            this.maxRequestLineBytes = maxRequestLineBytes;
            return this;
        }

        /** Checks the values and builds the limits; throws {@link IllegalArgumentException} naming the bad value. */
        public HandshakeLimits build() {
            if (maxRequestLineBytes < 16) {
                throw new IllegalArgumentException("maxRequestLineBytes=" + maxRequestLineBytes + " (minimum 16)");
            }
            if (maxHeadBytes < maxRequestLineBytes) {
                throw new IllegalArgumentException("maxHeadBytes=" + maxHeadBytes
                        + " (must be at least maxRequestLineBytes=" + maxRequestLineBytes + ")");
            }
            if (maxHeadBytes > MAX_HEAD_BYTES) {
                throw new IllegalArgumentException("maxHeadBytes=" + maxHeadBytes
                        + " (maximum " + MAX_HEAD_BYTES + ")");
            }
            if (maxHeaderCount < 1 || maxHeaderCount > MAX_HEADER_COUNT) {
                throw new IllegalArgumentException("maxHeaderCount=" + maxHeaderCount
                        + " (between 1 and " + MAX_HEADER_COUNT + ")");
            }
            return new HandshakeLimits(this);
        }
    }
}
