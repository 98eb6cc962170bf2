package io.ringside.engine.client;

/**
 * Immutable settings of a {@link WebSocketClient}: how many I/O threads it runs and how big each
 * thread's read buffer is. Build with {@link #builder()}.
 */
public final class ClientConfig {
    /** Default {@link #ioThreads()}: 1. */
    public static final int DEFAULT_IO_THREADS = 1;
    /** Default {@link #readBufferBytes()}: 64 KiB. */
    public static final int DEFAULT_READ_BUFFER_BYTES = 64 << 10;

    private final int ioThreads;
    private final int readBufferBytes;
    private final String threadNamePrefix;

    private ClientConfig(Builder builder) {
        this.ioThreads = builder.ioThreads;
        this.readBufferBytes = builder.readBufferBytes;
        this.threadNamePrefix = builder.threadNamePrefix;
    }

    /** Every default. */
    public static ClientConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of I/O threads, each a selector loop owning its connections for life. */
    public int ioThreads() {
        return ioThreads;
    }

    /** Size of each I/O thread's read buffer, shared by all its connections, in bytes. */
    public int readBufferBytes() {
        return readBufferBytes;
    }

    /** Prefix of the I/O threads' names; the thread index follows. */
    public String threadNamePrefix() {
        return threadNamePrefix;
    }

    /** Builds a {@link ClientConfig}; {@link #build()} checks every value. */
    public static final class Builder {
        private int ioThreads = DEFAULT_IO_THREADS;
        private int readBufferBytes = DEFAULT_READ_BUFFER_BYTES;
        private String threadNamePrefix = "ringside-client-io-";

        private Builder() {
        }

        /** Sets the number of I/O threads (1-256). */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        /** Sets each I/O thread's read buffer size, in bytes (at least 1024). */
        public Builder readBufferBytes(int readBufferBytes) {
            this.readBufferBytes = readBufferBytes;
            return this;
        }

        /** Sets the I/O threads' name prefix. */
        public Builder threadNamePrefix(String threadNamePrefix) {
            this.threadNamePrefix = threadNamePrefix;
            return this;
        }

        /** Checks the values and builds; throws {@link IllegalArgumentException} naming the bad value. */
        public ClientConfig build() {
            if (ioThreads < 1 || ioThreads > 256) {
                throw new IllegalArgumentException("ioThreads=" + ioThreads + " (1-256)");
            }
            if (readBufferBytes < 1024) {
                throw new IllegalArgumentException("readBufferBytes=" + readBufferBytes + " (minimum 1024)");
            }
            if (threadNamePrefix == null) {
                throw new IllegalArgumentException("threadNamePrefix=null");
            }
            return new ClientConfig(this);
        }
    }
}
