package io.ringside.benchmarks.game;

import com.google.protobuf.ByteString;
import io.ringside.engine.transport.Connection;
import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.engine.transport.WebSocketHandler;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.MaskedMessageHandler;
import io.ringside.protocol.websocket.MessageDecoder;
import io.ringside.protocol.websocket.MessageHandler;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * The I/O loop's half of the inbound path without a socket: a read buffer of masked client frames
 * (RFC 6455 §5.2, §5.3), each carrying the harness' input envelope under its own random key, and one
 * {@link MessageDecoder} per connection whose handler hands each message to the game endpoint the
 * way the transport's dispatcher does. {@link #feed} first copies the pristine wire into the read
 * buffer (standing in for {@code channel.read}, and undoing any in-place unmasking of the previous
 * pass), then decodes one frame per read, frame {@code i} on connection {@code i % players}.
 *
 * <p>{@code masked}: the production path, the decoder hands each message over still masked and the
 * endpoint unmasks it while copying it into the ring slot (one pass); otherwise the handler does not
 * opt in, so the decoder unmasks in place and the endpoint copies (two passes, the path before).
 *
 * <pre>
 *  +----+----+-----------+----------------------+----+----+-----------+-----------------
 *  |0x82|0xC6| key (32)  | masked envelope (70) |0x82|0xC6| key (32)  | ...
 *  +----+----+-----------+----------------------+----+----+-----------+-----------------
 * </pre>
 * (envelopes over 125 bytes take a 16-bit length after {@code 0xFE}: 8 header bytes.)
 */
final class InboundWire {
    private static final int FIN_BINARY = 0x82;
    private static final int MASK_BIT = 0x80;
    private static final int MAX_LENGTH_7 = 125;
    private static final int LENGTH_16 = 126;
    private static final int MAX_LENGTH_16 = 0xFFFF;
    /** Inner GameMessage bytes around a payload under 128 bytes: two tags, the type, the length. */
    private static final int GAME_MESSAGE_OVERHEAD = 4;

    private final byte[] pristine;
    private final ByteBuffer readBuffer;
    private final int[] frameEnds;
    private final MessageDecoder[] decoders;

    /** {@code frames} copies of {@code envelope} (at most 65,535 bytes) for the harness' connections. */
    InboundWire(GameHarness harness, byte[] envelope, int frames, long seed, boolean masked) {
        GameHarness.check(envelope.length <= MAX_LENGTH_16, "envelope bytes=" + envelope.length);
        int frameBytes = (envelope.length <= MAX_LENGTH_7 ? 2 : 4) + 4 + envelope.length;
        this.pristine = new byte[frames * frameBytes];
        this.readBuffer = ByteBuffer.allocate(pristine.length);
        this.frameEnds = new int[frames];
        SplittableRandom random = new SplittableRandom(seed);
        for (int f = 0, at = 0; f < frames; f++) {
            at = writeFrame(at, envelope, random.nextInt());
            frameEnds[f] = at;
        }
        CountingConnection[] connections = harness.connections;
        this.decoders = new MessageDecoder[connections.length];
        for (int i = 0; i < connections.length; i++) {
            MessageHandler feed = masked ? new MaskedEndpointFeed((MaskedWebSocketHandler) harness.endpoint,
                    connections[i]) : new EndpointFeed(harness.endpoint, connections[i]);
            decoders[i] = new MessageDecoder(DecoderConfig.defaults(), feed);
        }
    }

    private int writeFrame(int start, byte[] envelope, int key) {
        int at = start;
        pristine[at++] = (byte) FIN_BINARY;
        if (envelope.length <= MAX_LENGTH_7) {
            pristine[at++] = (byte) (MASK_BIT | envelope.length);
        } else {
            pristine[at++] = (byte) (MASK_BIT | LENGTH_16);
            pristine[at++] = (byte) (envelope.length >>> 8);
            pristine[at++] = (byte) envelope.length;
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            pristine[at++] = (byte) (key >>> shift);
        }
        for (int i = 0; i < envelope.length; i++) {
            pristine[at++] = (byte) (envelope[i] ^ (key >>> (24 - 8 * (i & 3))));
        }
        return at;
    }

    /**
     * A game input envelope whose inner {@code GameMessage} is {@code inputBytes} long: the harness'
     * own for {@link GameHarness#INPUT_BYTES}, otherwise type 1 and a patterned payload (a few bytes
     * more when the payload needs a two-byte length).
     */
    static byte[] inputEnvelope(int inputBytes) {
        if (inputBytes == GameHarness.INPUT_BYTES) {
            return GameHarness.inputEnvelope();
        }
        byte[] payload = new byte[inputBytes - GAME_MESSAGE_OVERHEAD];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        GameMessage input = GameMessage.newBuilder().setType(1).setPayload(ByteString.copyFrom(payload)).build();
        return ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(BenchRoom.INPUT)
                .setPayload(input.toByteString())).build().toByteArray();
    }

    /** Refills the read buffer and decodes every frame, one read per frame; returns the frames fed. */
    int feed() {
        System.arraycopy(pristine, 0, readBuffer.array(), 0, pristine.length);
        int mask = decoders.length - 1;
        int start = 0;
        for (int f = 0; f < frameEnds.length; f++) {
            readBuffer.limit(frameEnds[f]).position(start);
            decoders[f & mask].decode(readBuffer);
            start = frameEnds[f];
        }
        return frameEnds.length;
    }

    /** The transport's dispatch to an endpoint that takes binary messages masked, as the game endpoint does. */
    static final class MaskedEndpointFeed extends EndpointFeed implements MaskedMessageHandler {
        private final MaskedWebSocketHandler endpoint;
        private final Connection connection;

        MaskedEndpointFeed(MaskedWebSocketHandler endpoint, Connection connection) {
            super(endpoint, connection);
            this.endpoint = endpoint;
            this.connection = connection;
        }

        @Override
        public void onMaskedBinary(ByteBuffer buffer, int offset, int length, int maskKey) {
            endpoint.onMaskedBinary(connection, buffer, offset, length, maskKey);
        }
    }

    /** The transport's dispatch of a decoded binary message to the endpoint; anything else is a bug here. */
    static class EndpointFeed implements MessageHandler {
        private final WebSocketHandler endpoint;
        private final Connection connection;

        EndpointFeed(WebSocketHandler endpoint, Connection connection) {
            this.endpoint = endpoint;
            this.connection = connection;
        }

        @Override
        public void onBinary(ByteBuffer buffer, int offset, int length) {
            endpoint.onBinary(connection, buffer, offset, length);
        }

        @Override
        public void onText(ByteBuffer buffer, int offset, int length) {
            throw new IllegalStateException("unexpected text message");
        }

        @Override
        public void onPing(ByteBuffer buffer, int offset, int length) {
            throw new IllegalStateException("unexpected ping");
        }

        @Override
        public void onPong(ByteBuffer buffer, int offset, int length) {
            throw new IllegalStateException("unexpected pong");
        }

        @Override
        public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
            throw new IllegalStateException("unexpected close");
        }
    }
}
