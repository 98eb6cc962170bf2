package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.Masking;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An endpoint that opts in to masked binary messages ({@link MaskedWebSocketHandler}) next to one that
 * does not, over real sockets: the opted-in one gets whole single-frame messages masked and the rest
 * unmasked; the other sees only unmasked views, as before.
 */
@Timeout(30)
class MaskedHandlerIT {
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final byte VIA_MASKED = 'M';
    private static final byte VIA_PLAIN = 'U';

    /** Echoes binary messages behind one byte that says which callback they came through. */
    private static final class TaggingEcho implements MaskedWebSocketHandler {
        @Override
        public void onMaskedBinary(Connection connection, ByteBuffer buffer, int offset, int length, int maskKey) {
            if (length == 1 && buffer.get(offset) == (byte) (0xEE ^ (maskKey >>> 24))) {
                throw new IllegalStateException("asked to fail");
            }
            byte[] echo = new byte[length + 1];
            echo[0] = VIA_MASKED;
            Masking.unmaskCopy(buffer, offset, echo, 1, length, maskKey, 0);
            connection.sendBinary(ByteBuffer.wrap(echo), 0, echo.length);
        }

        @Override
        public void onBinary(Connection connection, ByteBuffer buffer, int offset, int length) {
            byte[] echo = new byte[length + 1];
            echo[0] = VIA_PLAIN;
            buffer.get(offset, echo, 1, length);
            connection.sendBinary(ByteBuffer.wrap(echo), 0, echo.length);
        }
    }

    private static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebSocketServer.builder().port(0).ioLoops(1).heartbeatIntervalMs(0).readBufferBytes(4096)
                .endpoint("/masked", new TaggingEcho()).endpoint("/plain", new EchoHandler()).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 13 + 1);
        }
        return bytes;
    }

    private static byte[] tagged(byte tag, byte[] payload) {
        byte[] bytes = new byte[payload.length + 1];
        bytes[0] = tag;
        System.arraycopy(payload, 0, bytes, 1, payload.length);
        return bytes;
    }

    @Test
    void shouldHandOverWholeFramesMaskedAndTheRestUnmaskedWhenEndpointOptsIn() throws Exception {
        try (RawClient client = RawClient.upgrade(server.port(), "/masked")) {
            // given
            byte[] small = pattern(70);
            byte[] medium = pattern(1000);
            byte[] large = pattern(20_000);
            ByteArrayOutputStream fragmented = new ByteArrayOutputStream();
            fragmented.writeBytes(client.frame(false, 0, BINARY, Arrays.copyOf(small, 30)));
            fragmented.writeBytes(client.frame(true, 0, CONTINUATION, Arrays.copyOfRange(small, 30, 70)));

            // when
            client.sendFrame(true, BINARY, small);
            client.sendFrame(true, BINARY, medium);
            client.send(fragmented.toByteArray());
            client.sendChopped(client.frame(true, 0, BINARY, small));
            client.sendFrame(true, BINARY, large);

            // then: a frame written in one piece arrives in one read; a 20,000-byte one cannot fit a 4 KiB
            // read; how many reads the byte-by-byte frame took is up to the scheduler, its bytes are not
            assertThat(client.readFrame().payload()).isEqualTo(tagged(VIA_MASKED, small));
            assertThat(client.readFrame().payload()).isEqualTo(tagged(VIA_MASKED, medium));
            assertThat(client.readFrame().payload()).isEqualTo(tagged(VIA_PLAIN, small));
            byte[] chopped = client.readFrame().payload();
            assertThat(chopped).isIn(tagged(VIA_PLAIN, small), tagged(VIA_MASKED, small));
            assertThat(client.readFrame().payload()).isEqualTo(tagged(VIA_PLAIN, large));
        }
    }

    @Test
    void shouldEchoUnmaskedWhenEndpointDidNotOptIn() throws Exception {
        try (RawClient client = RawClient.upgrade(server.port(), "/plain")) {
            // when
            client.sendFrame(true, BINARY, pattern(70));
            client.sendChopped(client.frame(true, 0, BINARY, pattern(9)));

            // then
            assertThat(client.readFrame().payload()).isEqualTo(pattern(70));
            assertThat(client.readFrame().payload()).isEqualTo(pattern(9));
        }
    }

    @Test
    void shouldClose1011WhenMaskedCallbackThrows() throws Exception {
        try (RawClient client = RawClient.upgrade(server.port(), "/masked")) {
            // when
            client.sendFrame(true, BINARY, new byte[] {(byte) 0xEE});

            // then
            assertThat(client.readCloseCode()).isEqualTo(CloseCode.INTERNAL_ERROR);
        }
    }
}
