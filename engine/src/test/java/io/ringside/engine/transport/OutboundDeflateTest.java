package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.deflate.DeflateParameters;
import io.ringside.protocol.deflate.DeflatePolicy;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class OutboundDeflateTest {
    private static final DeflateParameters NO_TAKEOVER = new DeflateParameters(true, true, 0, 0);
    private final OutboundDeflate deflate = new OutboundDeflate(DeflatePolicy.builder().minMessageBytes(64).build(),
            NO_TAKEOVER);
    private final FramePool pool = new FramePool(1 << 12, 1 << 16);

    private SharedFrame frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        SharedFrame frame = pool.acquire(FrameEncoder.headerLength(payload.length, false) + payload.length);
        new FrameEncoder(Role.SERVER).writeHeader(frame.buffer(), true, Opcode.TEXT, payload.length);
        frame.buffer().put(payload).position(0);
        return frame;
    }

    @Test
    void shouldCompressOnceAndShareTheTwinWhenSentToSeveralConnections() throws Exception {
        // given
        SharedFrame frame = frame("abc".repeat(100));

        // when
        SharedFrame first = deflate.shared(frame);
        SharedFrame second = deflate.shared(frame);

        // then
        assertThat(first).isNotSameAs(frame).isSameAs(second);
        assertThat(first.buffer.get(0) & 0xF0).isEqualTo(0xC0);
        assertThat(inflate(first)).isEqualTo("abc".repeat(100));
        first.retain(1);
        assertThat(frame.refCount()).isEqualTo(2);
    }

    @Test
    void shouldCompressAgainWhenPooledFrameIsReusedForAnotherMessage() throws Exception {
        // given: a frame compressed, released to the pool, then reused with other bytes of the same size
        SharedFrame frame = frame("abc".repeat(100));
        deflate.shared(frame).release();
        SharedFrame reused = frame("xyz".repeat(100));

        // when
        SharedFrame twin = deflate.shared(reused);

        // then
        assertThat(reused).isSameAs(frame);
        assertThat(inflate(twin)).isEqualTo("xyz".repeat(100));
    }

    @Test
    void shouldSendAsItIsWhenSmallControlOrIncompressible() {
        // given
        SharedFrame small = frame("short");
        SharedFrame noise = frame(new java.util.Random(3).ints(200, 33, 127)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        ByteBuffer ping = FrameEncoder.serverFrame(true, Opcode.PING, ByteBuffer.wrap(new byte[100]));

        // when / then
        assertThat(deflate.shared(small)).isSameAs(small);
        assertThat(deflate.shared(noise)).isSameAs(noise);
        assertThat(deflate.unshared(ping)).isSameAs(ping);
    }

    private static String inflate(SharedFrame frame) throws Exception {
        ByteBuffer buffer = frame.buffer;
        int header = (buffer.get(1) & 0x7F) < 126 ? 2 : 4;
        byte[] compressed = new byte[buffer.limit() - header + 4];
        buffer.get(header, compressed, 0, buffer.limit() - header);
        compressed[compressed.length - 2] = (byte) 0xFF;
        compressed[compressed.length - 1] = (byte) 0xFF;
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        int n;
        while ((n = inflater.inflate(chunk)) > 0) {
            out.write(chunk, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
