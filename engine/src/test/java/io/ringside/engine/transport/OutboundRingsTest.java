package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class OutboundRingsTest {
    private final ByteBuffer staging = ByteBuffer.allocateDirect(OutboundQueue.MAX_BYTES_PER_WRITE);

    private static ByteBuffer frame(int length, int value) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (int i = 0; i < length; i++) {
            buffer.put((byte) value);
        }
        return buffer.flip();
    }

    @Test
    void shouldGiveSmallRingBackWhenDrainedAndTakeItForTheNextFrame() throws Exception {
        // given
        OutboundRings rings = new OutboundRings();
        OutboundQueue queue = new OutboundQueue(rings);
        TestChannel channel = TestChannel.perCall(1 << 20);
        queue.add(frame(10, 1));

        // when
        boolean drained = queue.writeTo(channel, staging);

        // then
        assertThat(drained).isTrue();
        assertThat(queue.holdsRing()).isFalse();
        assertThat(rings.size()).isEqualTo(1);
        queue.add(frame(10, 2));
        assertThat(queue.holdsRing()).isTrue();
        assertThat(rings.size()).isZero();
        assertThat(queue.writeTo(channel, staging)).isTrue();
        assertThat(channel.written.toByteArray()).hasSize(20).endsWith(frame(10, 2).array());
    }

    @Test
    void shouldKeepRingWhileBytesWaitForTheSocket() throws Exception {
        // given
        OutboundRings rings = new OutboundRings();
        OutboundQueue queue = new OutboundQueue(rings);
        TestChannel channel = TestChannel.perCall(15);
        queue.add(frame(10, 1));
        queue.add(frame(10, 2));

        // when
        boolean drained = queue.writeTo(channel, staging);

        // then
        assertThat(drained).isFalse();
        assertThat(queue.holdsRing()).isTrue();
        assertThat(rings.size()).isZero();
    }

    @Test
    void shouldKeepGrownRingWhenDrained() throws Exception {
        // given: more frames than the smallest ring holds
        OutboundRings rings = new OutboundRings();
        OutboundQueue queue = new OutboundQueue(rings);
        for (int i = 0; i < OutboundQueue.INITIAL_CAPACITY + 1; i++) {
            queue.add(frame(10, i));
        }

        // when
        boolean drained = queue.writeTo(TestChannel.perCall(1 << 20), staging);

        // then
        assertThat(drained).isTrue();
        assertThat(queue.holdsRing()).isTrue();
        assertThat(rings.size()).isZero();
    }

    @Test
    void shouldGiveRingBackWhenCleared() {
        // given
        OutboundRings rings = new OutboundRings();
        OutboundQueue queue = new OutboundQueue(rings);
        queue.add(frame(10, 1));

        // when
        queue.clear();

        // then
        assertThat(queue.holdsRing()).isFalse();
        assertThat(rings.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepAtMostKeptRings() throws Exception {
        // given
        OutboundRings rings = new OutboundRings();
        TestChannel channel = TestChannel.perCall(1 << 20);

        // when: more queues than that drain at once
        OutboundQueue[] queues = new OutboundQueue[OutboundRings.KEPT + 1];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new OutboundQueue(rings);
            queues[i].add(frame(1, i));
        }
        for (OutboundQueue queue : queues) {
            queue.writeTo(channel, staging);
        }

        // then
        assertThat(rings.size()).isEqualTo(OutboundRings.KEPT);
    }
}
