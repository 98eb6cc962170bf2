package io.ringside.protocol.deflate;

/**
 * What a server grants when a client offers permessage-deflate (RFC 7692), and how it compresses.
 *
 * <p>Defaults: level 6, messages under 256 bytes sent uncompressed, no context takeover either way,
 * client windows up to 15 bits, no compression memory kept by a connection between messages.
 *
 * <p><b>Context takeover</b> keeps each side's LZ77 window from one message to the next: better
 * ratios on similar messages, but memory per connection for as long as it lives (about
 * {@value #CLIENT_CONTEXT_BYTES} bytes of native memory for the inflater of a client's context, and
 * {@value #SERVER_CONTEXT_BYTES} for the deflater of the server's, both with 32 KiB windows, the only
 * size {@code java.util.zip} offers), and the server's own context means every message is
 * compressed separately for each recipient. Without it a message is compressed once for everyone
 * and inflaters are lent per message. {@link #maxContextBytesPerConnection} is the bound: a policy
 * whose context takeover would cost more per connection does not build.
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class DeflatePolicy {
    /** Native bytes one connection holds to inflate a client's messages with context takeover. */
    public static final int CLIENT_CONTEXT_BYTES = 40 * 1024;
    /** Native bytes one connection holds to deflate the server's messages with context takeover. */
    public static final int SERVER_CONTEXT_BYTES = 262 * 1024;
    /** The LZ77 window a {@code java.util.zip} raw deflater uses, and the largest RFC 7692 allows. */
    public static final int MAX_WINDOW_BITS = 15;
    /** The smallest window RFC 7692 allows. */
    public static final int MIN_WINDOW_BITS = 8;
    private static final int DEFAULT_LEVEL = 6;

    private final int level;
    private final int minMessageBytes;
    private final boolean serverContextTakeover;
    private final boolean clientContextTakeover;
    private final int clientMaxWindowBits;
    private final long maxContextBytesPerConnection;

    private DeflatePolicy(Builder b) {
        this.level = b.level;
        this.minMessageBytes = b.minMessageBytes;
        this.serverContextTakeover = b.serverContextTakeover;
        this.clientContextTakeover = b.clientContextTakeover;
        this.clientMaxWindowBits = b.clientMaxWindowBits;
        this.maxContextBytesPerConnection = b.maxContextBytesPerConnection;
    }

    /** The defaults. */
    public static DeflatePolicy defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's values. */
    public Builder toBuilder() {
        return new Builder().level(level).minMessageBytes(minMessageBytes).serverContextTakeover(serverContextTakeover)
                .clientContextTakeover(clientContextTakeover).clientMaxWindowBits(clientMaxWindowBits)
                .maxContextBytesPerConnection(maxContextBytesPerConnection);
    }

    /** Deflate level, 0-9. */
    public int level() {
        return level;
    }

    /** Messages with fewer payload bytes are sent uncompressed. */
    public int minMessageBytes() {
        return minMessageBytes;
    }

    /** Whether the server keeps its compression context across messages (unless the client asks otherwise). */
    public boolean serverContextTakeover() {
        return serverContextTakeover;
    }

    /** Whether clients may keep theirs (otherwise the answer carries {@code client_no_context_takeover}). */
    public boolean clientContextTakeover() {
        return clientContextTakeover;
    }

    /** The largest window a client that offers {@code client_max_window_bits} is told to use. */
    public int clientMaxWindowBits() {
        return clientMaxWindowBits;
    }

    /** Native memory a connection may hold for compression contexts between messages, in bytes. */
    public long maxContextBytesPerConnection() {
        return maxContextBytesPerConnection;
    }

    /** What this policy's context takeover costs a connection at most, in bytes. */
    public long contextBytesPerConnection() {
        return (serverContextTakeover ? SERVER_CONTEXT_BYTES : 0) + (clientContextTakeover ? CLIENT_CONTEXT_BYTES : 0);
    }

    @Override
    public String toString() {
        return "DeflatePolicy[level=" + level + ", minMessageBytes=" + minMessageBytes + ", serverContextTakeover="
                + serverContextTakeover + ", clientContextTakeover=" + clientContextTakeover
                + ", clientMaxWindowBits=" + clientMaxWindowBits + ", maxContextBytesPerConnection="
                + maxContextBytesPerConnection + "]";
    }

    /** Builds a {@link DeflatePolicy}; {@link #build()} checks every value. */
    public static final class Builder {
        private int level = DEFAULT_LEVEL;
        private int minMessageBytes = 256;
        private boolean serverContextTakeover;
        private boolean clientContextTakeover;
        private int clientMaxWindowBits = MAX_WINDOW_BITS;
        private long maxContextBytesPerConnection;

        private Builder() {
        }

        /** Deflate level 0-9: 1 is fastest, 9 smallest; default 6 (zlib's). */
        public Builder level(int level) {
            this.level = level;
            return this;
        }

        /** Sends messages under this many bytes uncompressed (at least 0); default 256. */
        public Builder minMessageBytes(int bytes) {
            this.minMessageBytes = bytes;
            return this;
        }

        /** Lets the server keep its compression context across messages; default false. */
        public Builder serverContextTakeover(boolean takeover) {
            this.serverContextTakeover = takeover;
            return this;
        }

        /** Lets clients keep theirs; default false. */
        public Builder clientContextTakeover(boolean takeover) {
            this.clientContextTakeover = takeover;
            return this;
        }

        /** The window (8-15 bits) to grant a client that offers {@code client_max_window_bits}; default 15. */
        public Builder clientMaxWindowBits(int bits) {
            this.clientMaxWindowBits = bits;
            return this;
        }

        /** Native memory a connection may hold for compression contexts between messages; default 0. */
        public Builder maxContextBytesPerConnection(long bytes) {
            this.maxContextBytesPerConnection = bytes;
            return this;
        }

        /** Checks the values and builds; throws {@link IllegalArgumentException} naming the bad value. */
        public DeflatePolicy build() {
            if (level < 0 || level > 9) {
                throw new IllegalArgumentException("level=" + level + " (0-9)");
            }
            if (minMessageBytes < 0) {
                throw new IllegalArgumentException("minMessageBytes=" + minMessageBytes + " (minimum 0)");
            }
            if (clientMaxWindowBits < MIN_WINDOW_BITS || clientMaxWindowBits > MAX_WINDOW_BITS) {
                throw new IllegalArgumentException("clientMaxWindowBits=" + clientMaxWindowBits + " (8-15)");
            }
            if (maxContextBytesPerConnection < 0) {
                throw new IllegalArgumentException("maxContextBytesPerConnection=" + maxContextBytesPerConnection);
            }
            DeflatePolicy policy = new DeflatePolicy(this);
            if (policy.contextBytesPerConnection() > maxContextBytesPerConnection) {
                throw new IllegalArgumentException("maxContextBytesPerConnection=" + maxContextBytesPerConnection
                        + " (context takeover needs " + policy.contextBytesPerConnection() + ": serverContextTakeover="
                        + serverContextTakeover + ", clientContextTakeover=" + clientContextTakeover + ")");
            }
            return policy;
        }
    }
}
