package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {
    private static ByteBuffer frame(int length, int value) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (int i = 0; i < length; i++) {
            buffer.put((byte) value);
        }
        return buffer.flip();
    }

    @Test
    void shouldWriteSeveralFramesInOneCallWhenSocketTakesThemAll() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        TestChannel channel = TestChannel.perCall(1 << 20);
        for (int i = 0; i < 10; i++) {
            queue.add(frame(100, i));
        }

        // when
        boolean drained = queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE));

        // then
        assertThat(drained).isTrue();
        assertThat(channel.calls).isEqualTo(1);
        assertThat(channel.written.size()).isEqualTo(1000);
        assertThat(queue.bytes()).isZero();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepRemainderAndReportBacklogWhenSocketIsFull() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        TestChannel channel = TestChannel.perCall(150);
        queue.add(frame(100, 1));
        queue.add(frame(100, 2));

        // when
        boolean drained = queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE));

        // then
        assertThat(drained).isFalse();
        assertThat(queue.bytes()).isEqualTo(50);
        channel.perCall = 1000;
        assertThat(queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE))).isTrue();
        assertThat(channel.written.toByteArray()).hasSize(200).startsWith(frame(100, 1).array());
    }

    @Test
    void shouldKeepPartlyWrittenHeadWhenDiscarding() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        queue.add(frame(100, 1));
        queue.add(frame(100, 2));
        queue.add(frame(100, 3));
        queue.writeTo(TestChannel.perCall(40), ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE));

        // when
        queue.discardUnstarted();

        // then
        assertThat(queue.bytes()).isEqualTo(60);
        TestChannel rest = TestChannel.perCall(1000);
        assertThat(queue.writeTo(rest, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE))).isTrue();
        assertThat(rest.written.size()).isEqualTo(60);
    }

    @Test
    void shouldSplitIntoSeveralCallsWhenFramesOutgrowStagingBuffer() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        for (int i = 0; i < 10; i++) {
            queue.add(frame(10, i));
        }
        TestChannel channel = TestChannel.perCall(1000);

        // when
        queue.writeTo(channel, ByteBuffer.allocate(40));

        // then
        assertThat(channel.calls).isEqualTo(3);
        assertThat(channel.written.size()).isEqualTo(100);
    }

    @Test
    void shouldOfferAtMostBoundedBytesPerCallWhenFrameIsHuge() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        int huge = 3 * OutboundQueue.MAX_BYTES_PER_WRITE + 10;
        queue.add(frame(10, 1));
        queue.add(frame(huge, 2));
        TestChannel channel = TestChannel.perCall(Integer.MAX_VALUE);

        // when
        boolean drained = queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE));

        // then: four calls of at most MAX_BYTES_PER_WRITE, every byte once
        assertThat(drained).isTrue();
        assertThat(channel.calls).isEqualTo(4);
        assertThat(channel.written.size()).isEqualTo(10 + huge);
        assertThat(queue.bytes()).isZero();
    }
}
