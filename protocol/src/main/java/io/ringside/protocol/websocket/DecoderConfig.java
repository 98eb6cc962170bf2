package io.ringside.protocol.websocket;

/**
 * Immutable limits and role for a {@link FrameDecoder} / {@link MessageDecoder}.
 *
 * <p>Defaults: server role, 1 MiB per frame, 1 MiB per message, no RSV bits allowed (no extension
 * negotiated).
 */
public final class DecoderConfig {
    /** Default for {@link #maxFramePayloadBytes()}: 1 MiB. */
    public static final long DEFAULT_MAX_FRAME_PAYLOAD_BYTES = 1 << 20;
    /** Default for {@link #maxMessageBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    private final Role role;
    private final long maxFramePayloadBytes;
    private final int maxMessageBytes;
    private final int allowedRsvBits;

    private DecoderConfig(Builder builder) {
        this.role = builder.role;
        this.maxFramePayloadBytes = builder.maxFramePayloadBytes;
        this.maxMessageBytes = builder.maxMessageBytes;
        this.allowedRsvBits = builder.allowedRsvBits;
    }

    /** A config with every default (server role). */
    public static DecoderConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The receiving end: a server requires masked frames, a client requires unmasked ones. */
    public Role role() {
        return role;
    }

    /** Largest payload of one frame; a larger frame fails with 1009. */
    public long maxFramePayloadBytes() {
        return maxFramePayloadBytes;
    }

    /** Largest payload of one (possibly fragmented) message; a larger message fails with 1009. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** RSV bits ({@code 0b0RRR}) a negotiated extension allows; any other set bit fails with 1002. */
    public int allowedRsvBits() {
        return allowedRsvBits;
    }

    /** Builds a {@link DecoderConfig}; {@link #build()} checks every value. */
    public static final class Builder {
        private Role role = Role.SERVER;
        private long maxFramePayloadBytes = DEFAULT_MAX_FRAME_PAYLOAD_BYTES;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private int allowedRsvBits;

        private Builder() {
        }

        /** Sets the receiving end's role. */
        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        /** Sets the largest payload of one frame, in bytes (at least 125, so any control frame fits). */
        public Builder maxFramePayloadBytes(long maxFramePayloadBytes) {
            this.maxFramePayloadBytes = maxFramePayloadBytes;
            return this;
        }

        /** Sets the largest payload of one message, in bytes (at least 1). */
        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /** Sets the RSV bits ({@code 0b0RRR}) that a negotiated extension allows. */
        public Builder allowedRsvBits(int allowedRsvBits) {
            this.allowedRsvBits = allowedRsvBits;
            return this;
        }

        /** Checks the values and builds the config; throws {@link IllegalArgumentException} naming the bad value. */
        public DecoderConfig build() {
            if (role == null) {
                throw new IllegalArgumentException("role=null");
            }
            if (maxFramePayloadBytes < 125) {
                throw new IllegalArgumentException("maxFramePayloadBytes=" + maxFramePayloadBytes + " (minimum 125)");
            }
            if (maxMessageBytes < 1) {
                throw new IllegalArgumentException("maxMessageBytes=" + maxMessageBytes + " (minimum 1)");
            }
            if ((allowedRsvBits & ~0b111) != 0) {
                throw new IllegalArgumentException("allowedRsvBits=" + allowedRsvBits + " (only 0b000-0b111)");
            }
            return new DecoderConfig(this);
        }
    }
}
