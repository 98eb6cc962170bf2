package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.Chunks.bytes;
import static io.ringside.protocol.websocket.Chunks.concat;
import static io.ringside.protocol.websocket.WireFrames.filled;
import static io.ringside.protocol.websocket.WireFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {
    private final FrameEncoder server = new FrameEncoder(Role.SERVER);
    private final FrameEncoder client = new FrameEncoder(Role.CLIENT);

    @Test
    void shouldWriteRfcUnmaskedExamplesByteForByte() {
        assertThat(serverBytes(true, Opcode.TEXT, utf8("Hello")))
                .isEqualTo(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
        assertThat(concat(serverBytes(false, Opcode.TEXT, utf8("Hel")),
                serverBytes(true, Opcode.CONTINUATION, utf8("lo"))))
                .isEqualTo(bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f));
        assertThat(serverBytes(true, Opcode.PING, utf8("Hello")))
                .isEqualTo(bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
        assertThat(serverBytes(true, Opcode.BINARY, filled(256)))
                .isEqualTo(concat(bytes(0x82, 0x7E, 0x01, 0x00), filled(256)));
        assertThat(serverBytes(true, Opcode.BINARY, filled(65536)))
                .isEqualTo(concat(bytes(0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0, 0), filled(65536)));
    }

    @Test
    void shouldShareOneReadOnlyFrameWhenBroadcasting() {
        // given
        ByteBuffer payload = ByteBuffer.wrap(utf8("Hello"));

        // when
        ByteBuffer frame = FrameEncoder.serverFrame(true, Opcode.TEXT, payload);

        // then
        assertThat(frame.isReadOnly()).isTrue();
        assertThat(RecordingMessageHandler.copy(frame, 0, frame.remaining()))
                .isEqualTo(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
        assertThat(payload.position()).isZero();
    }

    @Test
    void shouldSizeHeaderByLengthEncodingAndMask() {
        assertThat(FrameEncoder.headerLength(0, false)).isEqualTo(2);
        assertThat(FrameEncoder.headerLength(125, false)).isEqualTo(2);
        assertThat(FrameEncoder.headerLength(126, false)).isEqualTo(4);
        assertThat(FrameEncoder.headerLength(65535, true)).isEqualTo(8);
        assertThat(FrameEncoder.headerLength(65536, false)).isEqualTo(10);
        assertThat(FrameEncoder.headerLength(Long.MAX_VALUE, true)).isEqualTo(FrameEncoder.MAX_HEADER_BYTES);
    }

    @Test
    void shouldMaskWithFreshKeyPerFrameWhenClient() {
        // given
        Set<Integer> keys = new HashSet<>();
        RecordingMessageHandler handler = new RecordingMessageHandler();
        MessageDecoder decoder = new MessageDecoder(DecoderConfig.defaults(), handler);

        for (int i = 0; i < 100; i++) {
            // when
            ByteBuffer dst = ByteBuffer.allocate(64);
            int written = client.writeFrame(dst, true, Opcode.TEXT, ByteBuffer.wrap(utf8("Hello")));
            dst.flip();

            // then
            assertThat(written).isEqualTo(11);
            assertThat(dst.get(1) & 0x80).isEqualTo(0x80);
            keys.add(dst.getInt(2));
            decoder.decode(dst);
        }
        assertThat(keys).hasSizeGreaterThan(90);
        assertThat(handler.events).hasSize(100).containsOnly("text:Hello");
    }

    @Test
    void shouldWriteHeaderAloneWhenPayloadGoesInSeparateBuffer() {
        // given
        byte[] payload = filled(300);
        ByteBuffer header = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_BYTES);
        ByteBuffer body = ByteBuffer.allocate(payload.length);

        // when
        int key = client.writeHeader(header, true, Opcode.BINARY, payload.length);
        Masking.unmaskCopy(ByteBuffer.wrap(payload), 0, body, 0, payload.length, key, 0);

        // then
        assertThat(header.position()).isEqualTo(FrameEncoder.headerLength(payload.length, true));
        RecordingMessageHandler handler = new RecordingMessageHandler();
        new MessageDecoder(DecoderConfig.defaults(), handler).decode(ByteBuffer.wrap(concat(
                RecordingMessageHandler.copy(header, 0, header.position()), body.array())));
        assertThat(handler.events).containsExactly(RecordingMessageHandler.binary(payload));
        assertThat(server.writeHeader(ByteBuffer.allocate(4), true, Opcode.BINARY, 200)).isZero();
    }

    @Test
    void shouldWriteCloseWithCodeAndReason() {
        assertThat(serverClose(1000, "bye")).isEqualTo(bytes(0x88, 0x05, 0x03, 0xE8, 'b', 'y', 'e'));
        assertThat(serverClose(4000, "x".repeat(123))).hasSize(2 + 125);
        assertThat(serverClose(1001, null)).isEqualTo(bytes(0x88, 0x02, 0x03, 0xE9));
    }

    @Test
    void shouldRejectCloseWhenCodeNotSendableOrReasonTooLong() {
        ByteBuffer dst = ByteBuffer.allocate(256);
        for (int code : new int[] {999, 1005, 1006, 1015, 2000, 5000}) {
            assertThatThrownBy(() -> server.writeClose(dst, code, "")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> server.writeClose(dst, 1000, "é".repeat(62)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dst.position()).isZero();
    }

    @Test
    void shouldRejectFrameWhenControlFrameIsInvalidOrOpcodeReserved() {
        ByteBuffer dst = ByteBuffer.allocate(512);
        assertThatThrownBy(() -> server.writeFrame(dst, true, Opcode.PING, ByteBuffer.allocate(126)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.writeFrame(dst, false, Opcode.PONG, ByteBuffer.allocate(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.writeFrame(dst, true, 0x3, ByteBuffer.allocate(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dst.position()).isZero();
    }

    @Test
    void shouldWriteNothingWhenDestinationLacksRoom() {
        ByteBuffer dst = ByteBuffer.allocate(10);
        assertThatThrownBy(() -> client.writeFrame(dst, true, Opcode.BINARY, ByteBuffer.allocate(5)))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(dst.position()).isZero();
    }

    private byte[] serverBytes(boolean fin, int opcode, byte[] payload) {
        ByteBuffer dst = ByteBuffer.allocate(payload.length + FrameEncoder.MAX_HEADER_BYTES);
        ByteBuffer src = ByteBuffer.wrap(payload);
        int written = server.writeFrame(dst, fin, opcode, src);
        assertThat(written).isEqualTo(dst.position());
        assertThat(src.position()).isZero();
        return RecordingMessageHandler.copy(dst, 0, written);
    }

    private byte[] serverClose(int code, String reason) {
        ByteBuffer dst = ByteBuffer.allocate(256);
        int written = server.writeClose(dst, code, reason);
        return RecordingMessageHandler.copy(dst, 0, written);
    }
}
