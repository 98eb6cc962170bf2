package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Shared frames in the outbound queue: their bytes go out untouched and each reference is released once. */
class OutboundQueueSharedTest {
    private final FramePool pool = new FramePool(1024, 1 << 20);
    private final ByteBuffer staging = ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE);
    private final TestChannel channel = new TestChannel();

    private SharedFrame frame(int length, int value) {
        SharedFrame frame = pool.acquire(length);
        for (int i = 0; i < length; i++) {
            frame.buffer().put(i, (byte) value);
        }
        return frame;
    }

    @Test
    void shouldReleaseSharedFrameOnlyWhenWrittenInFull() throws Exception {
        // given: one frame queued on two connections
        SharedFrame frame = frame(100, 7);
        frame.retain(2);
        OutboundQueue first = new OutboundQueue();
        OutboundQueue second = new OutboundQueue();
        first.add(frame);
        second.add(frame);
        frame.release();

        // when
        channel.budget = 60;
        first.writeTo(channel, staging);
        int refsAfterPartialWrite = frame.refCount();
        channel.budget = Integer.MAX_VALUE;
        first.writeTo(channel, staging);
        int refsAfterFirst = frame.refCount();
        second.writeTo(channel, staging);

        // then
        assertThat(refsAfterPartialWrite).isEqualTo(2);
        assertThat(refsAfterFirst).isEqualTo(1);
        assertThat(frame.refCount()).isZero();
        assertThat(channel.written.toByteArray()).hasSize(200).containsOnly(7);
        assertThat(frame.buffer().position()).isZero();
        assertThat(pool.acquire(100)).isSameAs(frame);
    }

    @Test
    void shouldReleaseReplacedSnapshotWhenNewerOneArrives() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        SharedFrame older = frame(10, 1);
        SharedFrame newer = frame(10, 2);
        queue.add(ByteBuffer.wrap(new byte[] {9, 9}));
        queue.addLatest(older);

        // when
        queue.addLatest(newer);

        // then
        assertThat(older.refCount()).isZero();
        assertThat(newer.refCount()).isEqualTo(1);
        assertThat(queue.writeTo(channel, staging)).isTrue();
        assertThat(channel.written.toByteArray()).hasSize(12).endsWith(2, 2, 2);
        assertThat(newer.refCount()).isZero();
    }

    @Test
    void shouldReleaseEmptiedSnapshotWhenItIsNotTheLastEntry() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        SharedFrame older = frame(10, 1);
        queue.addLatest(older);
        queue.add(frame(5, 3));

        // when
        queue.addLatest(frame(10, 2));

        // then
        assertThat(older.refCount()).isZero();
        assertThat(queue.bytes()).isEqualTo(15);
        assertThat(queue.writeTo(channel, staging)).isTrue();
        assertThat(channel.written.toByteArray()).containsExactly(3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
    }

    @Test
    void shouldReleaseEveryQueuedFrameWhenDiscardedOrCleared() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        SharedFrame started = frame(100, 1);
        SharedFrame unstarted = frame(100, 2);
        queue.add(started);
        queue.add(unstarted);
        channel.budget = 10;
        queue.writeTo(channel, staging);

        // when
        queue.discardUnstarted();
        int startedRefs = started.refCount();
        queue.clear();

        // then
        assertThat(unstarted.refCount()).isZero();
        assertThat(startedRefs).isEqualTo(1);
        assertThat(started.refCount()).isZero();
    }

    @Test
    void shouldKeepOrderWhenRingGrowsAroundTheEnd() throws Exception {
        // given: entries wrapped around the ring's end before it has to grow
        OutboundQueue queue = new OutboundQueue();
        for (int i = 0; i < 3; i++) {
            queue.add(frame(1, i));
        }
        queue.writeTo(channel, staging);
        channel.written.reset();

        // when
        for (int i = 0; i < 9; i++) {
            queue.add(frame(1, 10 + i));
        }

        // then
        assertThat(queue.writeTo(channel, staging)).isTrue();
        assertThat(channel.written.toByteArray()).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18);
    }
}
