package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.ringside.engine.transport.FramePool;
import io.ringside.engine.transport.SharedFrame;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.Pong;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class GameFramesTest {
    private final FramePool pool = new FramePool(64 * 1024, 1 << 20);
    private final GameFrames frames = new GameFrames(pool, new FrameEncoder(Role.SERVER));

    /** The frame the generated classes would make for the same game message. */
    private static ByteBuffer expected(int type, MessageLite message) {
        byte[] envelope = ServerEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type)
                .setPayload(message.toByteString())).build().toByteArray();
        return FrameEncoder.serverFrame(true, Opcode.BINARY, ByteBuffer.wrap(envelope));
    }

    private static Pong pong(int clientTime) {
        return Pong.newBuilder().setClientTime(clientTime).setServerTimeMs(123_456_789L).setTick(42).build();
    }

    @Test
    void shouldWriteSameBytesAsGeneratedEnvelopeWhenFramingGameMessage() {
        // given
        Pong message = pong(3);

        // when
        SharedFrame frame = frames.game(5, message);

        // then
        assertThat(frame.buffer().position()).isZero();
        assertThat(frame.buffer()).isEqualTo(expected(5, message));
    }

    @Test
    void shouldUseExtendedLengthWhenMessageOutgrowsEncoderBuffer() {
        // given: 70 000 bytes of payload: a 64-bit length header, and several encoder buffer drains
        GameMessage big = GameMessage.newBuilder().setType(1).setPayload(ByteString.copyFrom(new byte[70_000]))
                .build();

        // when
        SharedFrame frame = frames.game(300, big);

        // then
        assertThat(frame.buffer()).isEqualTo(expected(300, big));
    }

    @Test
    void shouldReuseFrameWhenEveryReferenceWasReleased() {
        // given
        SharedFrame first = frames.game(1, pong(1));
        first.release();

        // when
        SharedFrame second = frames.game(2, pong(2));

        // then
        assertThat(second).isSameAs(first);
        assertThat(second.buffer()).isEqualTo(expected(2, pong(2)));
        assertThat(pool.reused()).isEqualTo(1);
    }

    @Test
    void shouldLeaveNoBytesForNextFrameWhenMessageLiesAboutItsSize() {
        // given: a message that writes more bytes than it announced
        MessageLite liar = new SizeLyingMessage(pong(9));

        // when
        assertThatThrownBy(() -> frames.game(1, liar)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("size changed");
        SharedFrame next = frames.game(2, pong(4));

        // then
        assertThat(next.buffer()).isEqualTo(expected(2, pong(4)));
    }

    /** Announces one byte less than it writes, as a message mutated during serialization would. */
    private static final class SizeLyingMessage implements MessageLite {
        private final Pong inner;

        SizeLyingMessage(Pong inner) {
            this.inner = inner;
        }

        @Override
        public void writeTo(CodedOutputStream output) throws IOException {
            inner.writeTo(output);
        }

        @Override
        public int getSerializedSize() {
            return inner.getSerializedSize() - 1;
        }

        @Override
        public ByteString toByteString() {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] toByteArray() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeTo(java.io.OutputStream output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeDelimitedTo(java.io.OutputStream output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public com.google.protobuf.Parser<? extends MessageLite> getParserForType() {
            return inner.getParserForType();
        }

        @Override
        public MessageLite.Builder newBuilderForType() {
            return inner.newBuilderForType();
        }

        @Override
        public MessageLite.Builder toBuilder() {
            return inner.toBuilder();
        }

        @Override
        public MessageLite getDefaultInstanceForType() {
            return inner.getDefaultInstanceForType();
        }

        @Override
        public boolean isInitialized() {
            return true;
        }
    }
}
