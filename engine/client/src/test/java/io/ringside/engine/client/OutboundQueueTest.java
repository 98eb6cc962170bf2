package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {
    @Test
    void shouldScheduleOnlyFirstOfferUntilQueueIsFoundEmpty() {
        // given
        OutboundQueue queue = new OutboundQueue(1024);

        // when
        int first = queue.offerData(frame(10));
        int second = queue.offerData(frame(10));
        queue.poll();
        queue.poll();
        ByteBuffer none = queue.poll();
        int afterEmpty = queue.offerData(frame(10));

        // then
        assertThat(first).isEqualTo(OutboundQueue.QUEUED_SCHEDULE);
        assertThat(second).isEqualTo(OutboundQueue.QUEUED);
        assertThat(none).isNull();
        assertThat(afterEmpty).isEqualTo(OutboundQueue.QUEUED_SCHEDULE);
    }

    @Test
    void shouldRejectDataWhenBacklogWouldExceedBound() {
        // given
        OutboundQueue queue = new OutboundQueue(100);
        queue.offerData(frame(60));

        // when
        int over = queue.offerData(frame(41));
        int fits = queue.offerData(frame(40));

        // then
        assertThat(over).isEqualTo(OutboundQueue.REJECTED);
        assertThat(fits).isNotEqualTo(OutboundQueue.REJECTED);
        assertThat(queue.queuedBytes()).isEqualTo(100);
    }

    @Test
    void shouldAcceptFrameLargerThanBoundWhenQueueIsEmpty() {
        // given
        OutboundQueue queue = new OutboundQueue(100);

        // when
        int big = queue.offerData(frame(1000));

        // then
        assertThat(big).isEqualTo(OutboundQueue.QUEUED_SCHEDULE);
    }

    @Test
    void shouldAcceptControlFramesPastTheBound() {
        // given
        OutboundQueue queue = new OutboundQueue(100);
        queue.offerData(frame(100));

        // when
        int pong = queue.offerControl(frame(10));

        // then
        assertThat(pong).isEqualTo(OutboundQueue.QUEUED);
    }

    @Test
    void shouldRefuseEverythingAfterTheCloseFrame() {
        // given
        OutboundQueue queue = new OutboundQueue(100);
        ByteBuffer close = frame(4);

        // when
        int closed = queue.offerClose(close);

        // then
        assertThat(closed).isEqualTo(OutboundQueue.QUEUED_SCHEDULE);
        assertThat(queue.isSealed()).isTrue();
        assertThat(queue.offerData(frame(1))).isEqualTo(OutboundQueue.REJECTED);
        assertThat(queue.offerControl(frame(1))).isEqualTo(OutboundQueue.REJECTED);
        assertThat(queue.offerClose(frame(4))).isEqualTo(OutboundQueue.REJECTED);
        assertThat(queue.poll()).isSameAs(close);
        assertThat(queue.queuedBytes()).isZero();
    }

    private static ByteBuffer frame(int length) {
        return ByteBuffer.allocate(length);
    }
}
