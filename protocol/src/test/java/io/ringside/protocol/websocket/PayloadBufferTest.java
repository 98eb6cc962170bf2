package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.WireFrames.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PayloadBufferTest {

    @Test
    void shouldHoldNoArrayWhenNothingAppended() {
        PayloadBuffer buffer = new PayloadBuffer(1000);

        assertThat(buffer.length()).isZero();
        assertThat(buffer.buffer().capacity()).isZero();
    }

    @Test
    void shouldGrowWithReceivedBytesWhenAppending() {
        // given
        PayloadBuffer buffer = new PayloadBuffer(100_000);

        // when
        buffer.append(ByteBuffer.wrap(filled(10)), 0, 10, 0, 0);
        int afterSmall = buffer.buffer().capacity();
        buffer.append(ByteBuffer.wrap(filled(3000)), 0, 3000, 0, 0);

        // then
        assertThat(afterSmall).isLessThanOrEqualTo(64);
        assertThat(buffer.length()).isEqualTo(3010);
        assertThat(buffer.buffer().capacity()).isBetween(3010, 2 * 3010);
        assertThat(RecordingMessageHandler.copy(buffer.buffer(), 10, 3000)).isEqualTo(filled(3000));
    }

    @Test
    void shouldUnmaskWithPhaseWhenAppendingMaskedChunk() {
        // given
        PayloadBuffer buffer = new PayloadBuffer(100);
        byte[] wire = WireFrames.masked(0x82, filled(20));

        // when: the payload starts at 6; append it in two chunks, the second starting mid-key
        buffer.append(ByteBuffer.wrap(wire), 6, 7, WireFrames.MASK_KEY, 0);
        buffer.append(ByteBuffer.wrap(wire), 13, 13, WireFrames.MASK_KEY, 7 & 3);

        // then
        assertThat(RecordingMessageHandler.copy(buffer.buffer(), 0, 20)).isEqualTo(filled(20));
    }

    @Test
    void shouldKeepSmallArrayAndDropBigOneWhenCleared() {
        // given
        PayloadBuffer small = new PayloadBuffer(100_000);
        PayloadBuffer big = new PayloadBuffer(100_000);
        small.append(ByteBuffer.wrap(filled(100)), 0, 100, 0, 0);
        big.append(ByteBuffer.wrap(filled(5000)), 0, 5000, 0, 0);

        // when
        small.clear();
        big.clear();

        // then
        assertThat(small.length()).isZero();
        assertThat(small.buffer().capacity()).isBetween(1, PayloadBuffer.RETAINED_BYTES);
        assertThat(big.buffer().capacity()).isZero();
    }

    @Test
    void shouldNeverGrowPastMaximum() {
        // given
        PayloadBuffer buffer = new PayloadBuffer(125);
        buffer.append(ByteBuffer.wrap(filled(100)), 0, 100, 0, 0);
        buffer.append(ByteBuffer.wrap(filled(25)), 0, 25, 0, 0);

        // when / then
        assertThat(buffer.buffer().capacity()).isEqualTo(125);
        assertThatThrownBy(() -> buffer.append(ByteBuffer.wrap(filled(1)), 0, 1, 0, 0))
                .isInstanceOf(IllegalStateException.class);
    }
}
