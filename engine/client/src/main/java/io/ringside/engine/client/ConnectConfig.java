package io.ringside.engine.client;

import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Immutable options for one {@link WebSocketClient#connect}: offered subprotocols, extra request
 * headers, timeouts (milliseconds) and size limits (bytes). Build with {@link #builder()}; every
 * limit has a default.
 */
public final class ConnectConfig {
    /** Default {@link #connectTimeoutMs()}: 10 s. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    /** Default {@link #handshakeTimeoutMs()}: 10 s. */
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
    /** Default {@link #closeTimeoutMs()}: 5 s. */
    public static final long DEFAULT_CLOSE_TIMEOUT_MS = 5_000;
    /** Default {@link #maxResponseHeadBytes()}: 8 KiB. */
    public static final int DEFAULT_MAX_RESPONSE_HEAD_BYTES = 8 << 10;
    /** Default {@link #maxErrorBodyBytes()}: 4 KiB. */
    public static final int DEFAULT_MAX_ERROR_BODY_BYTES = 4 << 10;
    /** Default {@link #maxOutboundBytes()}: 4 MiB. */
    public static final long DEFAULT_MAX_OUTBOUND_BYTES = 4L << 20;

    private static final Set<String> RESERVED_HEADERS = Set.of("host", "upgrade", "connection",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions",
            "content-length", "transfer-encoding");
    private static final int DEFAULT_DEFLATE_MIN_MESSAGE_BYTES = 256;
    private static final String SEPARATORS = "\"(),/:;<=>?@[\\]{}";

    private final List<String> subprotocols;
    private final Map<String, String> headers;
    private final long connectTimeoutMs;
    private final long handshakeTimeoutMs;
    private final long closeTimeoutMs;
    private final int maxResponseHeadBytes;
    private final int maxErrorBodyBytes;
    private final long maxOutboundBytes;
    private final DecoderConfig decoderConfig;
    private final boolean deflate;
    private final int deflateMinMessageBytes;

    private ConnectConfig(Builder b, DecoderConfig decoderConfig) {
        this.subprotocols = Collections.unmodifiableList(new ArrayList<>(b.subprotocols));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.connectTimeoutMs = b.connectTimeoutMs;
        this.handshakeTimeoutMs = b.handshakeTimeoutMs;
        this.closeTimeoutMs = b.closeTimeoutMs;
        this.maxResponseHeadBytes = b.maxResponseHeadBytes;
        this.maxErrorBodyBytes = b.maxErrorBodyBytes;
        this.maxOutboundBytes = b.maxOutboundBytes;
        this.decoderConfig = decoderConfig;
        this.deflate = b.deflate;
        this.deflateMinMessageBytes = b.deflateMinMessageBytes;
    }

    /** Every default: no subprotocol, no extra header. */
    public static ConnectConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Subprotocols offered in Sec-WebSocket-Protocol, in preference order (RFC 6455 §4.1). */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** Extra request header fields (e.g. Origin, Cookie, Authorization), in insertion order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Longest wait for the TCP connection, in milliseconds. */
    public long connectTimeoutMs() {
        return connectTimeoutMs;
    }

    /** Longest wait from TCP connected to a verified 101 response, in milliseconds. */
    public long handshakeTimeoutMs() {
        return handshakeTimeoutMs;
    }

    /** Longest wait for the server's close frame and TCP close once closing began, in milliseconds. */
    public long closeTimeoutMs() {
        return closeTimeoutMs;
    }

    /** Largest HTTP response head accepted, in bytes. */
    public int maxResponseHeadBytes() {
        return maxResponseHeadBytes;
    }

    /** How much of a refused upgrade's response body is kept for {@link ClientHandshakeException#body()}. */
    public int maxErrorBodyBytes() {
        return maxErrorBodyBytes;
    }

    /** Bytes of frames that may wait to be written before sends are refused. */
    public long maxOutboundBytes() {
        return maxOutboundBytes;
    }

    /**
     * Whether the client offers permessage-deflate (RFC 7692) as
     * {@code permessage-deflate; client_no_context_takeover}: the server may then compress what it
     * sends (with or without context takeover; the client inflates either, its message limit bounding
     * the inflated size), and the client compresses its own messages of at least
     * {@link #deflateMinMessageBytes()} bytes, each on its own, so that any thread can send.
     */
    public boolean deflate() {
        return deflate;
    }

    /** Messages under this many bytes are sent uncompressed even when permessage-deflate is agreed. */
    public int deflateMinMessageBytes() {
        return deflateMinMessageBytes;
    }

    /** The decoder limits for frames from the server (client role). */
    public DecoderConfig decoderConfig() {
        return decoderConfig;
    }

    /** Builds a {@link ConnectConfig}; {@link #build()} checks every value. */
    public static final class Builder {
        private final List<String> subprotocols = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
        private long handshakeTimeoutMs = DEFAULT_HANDSHAKE_TIMEOUT_MS;
        private long closeTimeoutMs = DEFAULT_CLOSE_TIMEOUT_MS;
        private int maxResponseHeadBytes = DEFAULT_MAX_RESPONSE_HEAD_BYTES;
        private int maxErrorBodyBytes = DEFAULT_MAX_ERROR_BODY_BYTES;
        private long maxOutboundBytes = DEFAULT_MAX_OUTBOUND_BYTES;
        private long maxFramePayloadBytes = DecoderConfig.DEFAULT_MAX_FRAME_PAYLOAD_BYTES;
        private int maxMessageBytes = DecoderConfig.DEFAULT_MAX_MESSAGE_BYTES;
        private boolean deflate;
        private int deflateMinMessageBytes = DEFAULT_DEFLATE_MIN_MESSAGE_BYTES;

        private Builder() {
        }

        /** Offers permessage-deflate (see {@link ConnectConfig#deflate()}); default false. */
        public Builder deflate(boolean offer) {
            this.deflate = offer;
            return this;
        }

        /** Sends messages under this many bytes uncompressed (at least 0); default 256. */
        public Builder deflateMinMessageBytes(int bytes) {
            this.deflateMinMessageBytes = bytes;
            return this;
        }

        /** Adds a subprotocol to offer (an HTTP token), after those already added. */
        public Builder subprotocol(String subprotocol) {
            subprotocols.add(subprotocol);
            return this;
        }

        /** Sets an extra request header field; handshake fields (Host, Upgrade, Sec-WebSocket-*) are refused. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sets the TCP connect timeout, in milliseconds (at least 1). */
        public Builder connectTimeoutMs(long connectTimeoutMs) {
            this.connectTimeoutMs = connectTimeoutMs;
            return this;
        }

        /** Sets the handshake timeout, in milliseconds (at least 1). */
        public Builder handshakeTimeoutMs(long handshakeTimeoutMs) {
            this.handshakeTimeoutMs = handshakeTimeoutMs;
            return this;
        }

        /** Sets the close handshake timeout, in milliseconds (at least 1). */
        public Builder closeTimeoutMs(long closeTimeoutMs) {
            this.closeTimeoutMs = closeTimeoutMs;
            return this;
        }

        /** Sets the largest response head, in bytes (at least 64). */
        public Builder maxResponseHeadBytes(int maxResponseHeadBytes) {
            this.maxResponseHeadBytes = maxResponseHeadBytes;
            return this;
        }

        /** Sets how many bytes of a refused upgrade's body are kept (0 keeps none). */
        public Builder maxErrorBodyBytes(int maxErrorBodyBytes) {
            this.maxErrorBodyBytes = maxErrorBodyBytes;
            return this;
        }

        /** Sets the outbound backlog bound, in bytes (at least 1). */
        public Builder maxOutboundBytes(long maxOutboundBytes) {
            this.maxOutboundBytes = maxOutboundBytes;
            return this;
        }

        /** Sets the largest frame payload accepted from the server, in bytes. */
        public Builder maxFramePayloadBytes(long maxFramePayloadBytes) {
            this.maxFramePayloadBytes = maxFramePayloadBytes;
            return this;
        }

        /** Sets the largest message accepted from the server, in bytes. */
        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /** Checks the values and builds; throws {@link IllegalArgumentException} naming the bad value. */
        public ConnectConfig build() {
            positive("connectTimeoutMs", connectTimeoutMs);
            positive("handshakeTimeoutMs", handshakeTimeoutMs);
            positive("closeTimeoutMs", closeTimeoutMs);
            positive("maxOutboundBytes", maxOutboundBytes);
            if (maxResponseHeadBytes < 64) {
                throw new IllegalArgumentException("maxResponseHeadBytes=" + maxResponseHeadBytes + " (minimum 64)");
            }
            if (maxErrorBodyBytes < 0) {
                throw new IllegalArgumentException("maxErrorBodyBytes=" + maxErrorBodyBytes + " (minimum 0)");
            }
            if (deflateMinMessageBytes < 0) {
                throw new IllegalArgumentException("deflateMinMessageBytes=" + deflateMinMessageBytes
                        + " (minimum 0)");
            }
            checkSubprotocols();
            headers.forEach(Builder::checkHeader);
            DecoderConfig decoder = DecoderConfig.builder().role(Role.CLIENT)
                    .maxFramePayloadBytes(maxFramePayloadBytes).maxMessageBytes(maxMessageBytes).build();
            return new ConnectConfig(this, decoder);
        }

        private void checkSubprotocols() {
            for (int i = 0; i < subprotocols.size(); i++) {
                String p = subprotocols.get(i);
                if (!isToken(p) || subprotocols.indexOf(p) != i) {
                    throw new IllegalArgumentException("subprotocol=" + p + " (must be a distinct HTTP token)");
                }
            }
        }

        private static void checkHeader(String name, String value) {
            if (!isToken(name) || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header=" + name + " (not a token, or set by the handshake)");
            }
            if (value == null || value.chars().anyMatch(c -> c < ' ' && c != '\t' || c == 0x7f || c > 0xff)) {
                throw new IllegalArgumentException("header " + name + "=" + value + " (control or non-Latin-1 char)");
            }
        }

        private static boolean isToken(String s) {
            if (s == null || s.isEmpty()) {
                return false;
            }
            return s.chars().allMatch(c -> c > ' ' && c < 0x7f && SEPARATORS.indexOf(c) < 0);
        }

        private static void positive(String name, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + "=" + value + " (minimum 1)");
            }
        }
    }
}
