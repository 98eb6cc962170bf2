package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Latest-only frames in the outbound queue: a newer snapshot replaces an unsent one. */
class OutboundQueueLatestTest {
    private final TestChannel channel = new TestChannel();

    private static ByteBuffer frame(int length, int value) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (int i = 0; i < length; i++) {
            buffer.put((byte) value);
        }
        return buffer.flip();
    }

    private static byte[] concat(ByteBuffer... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer frame : frames) {
            out.writeBytes(frame.duplicate().array());
        }
        return out.toByteArray();
    }

    @Test
    void shouldReplaceUnsentSnapshotWhenNewerArrives() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        queue.add(frame(10, 1));
        queue.addLatest(frame(20, 2));

        // when
        queue.addLatest(frame(30, 3));

        // then
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.bytes()).isEqualTo(40);
        assertThat(queue.superseded()).isEqualTo(1);
        assertThat(queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE))).isTrue();
        assertThat(channel.written.toByteArray()).isEqualTo(concat(frame(10, 1), frame(30, 3)));
    }

    @Test
    void shouldCountAReplacedSharedSnapshotInItsPool() throws Exception {
        // given
        FramePool pool = new FramePool(1024, 64 * 1024);
        OutboundQueue queue = new OutboundQueue();
        queue.add(frame(10, 1));
        queue.addLatest(pool.acquire(20));

        // when
        queue.addLatest(pool.acquire(30));
        queue.writeTo(channel, ByteBuffer.allocateDirect(1024));

        // then
        assertThat(pool.replaced()).isEqualTo(1);
        assertThat(channel.written.size()).isEqualTo(40);
    }

    @Test
    void shouldSendSnapshotAfterFramesQueuedBeforeItWhenReplacing() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        queue.addLatest(frame(5, 1));
        queue.add(frame(5, 2));

        // when
        queue.addLatest(frame(5, 3));

        // then
        assertThat(queue.bytes()).isEqualTo(10);
        assertThat(queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE))).isTrue();
        assertThat(channel.written.toByteArray()).isEqualTo(concat(frame(5, 2), frame(5, 3)));
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepSnapshotWhenItsWriteHasStarted() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        queue.addLatest(frame(100, 1));
        channel.budget = 50;
        queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE));

        // when
        queue.addLatest(frame(100, 2));

        // then
        assertThat(queue.superseded()).isZero();
        channel.budget = Integer.MAX_VALUE;
        assertThat(queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE))).isTrue();
        assertThat(channel.written.toByteArray()).isEqualTo(concat(frame(100, 1), frame(100, 2)));
    }

    @Test
    void shouldHoldOneSnapshotWhenManyArriveWhileSocketIsFull() throws Exception {
        // given
        OutboundQueue queue = new OutboundQueue();
        channel.budget = 0;

        // when
        for (int i = 0; i < 1000; i++) {
            queue.addLatest(frame(64, i));
            queue.writeTo(channel, ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE));
        }

        // then
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.bytes()).isEqualTo(64);
        assertThat(queue.superseded()).isEqualTo(999);
    }
}
