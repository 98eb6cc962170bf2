package io.ringside.engine.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventPoller;
import io.ringside.engine.internal.LentArray;
import io.ringside.engine.internal.MessageArrayPool;
import io.ringside.engine.internal.MessageArrays;
import io.ringside.engine.transport.Connection;
import io.ringside.protocol.websocket.Masking;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring on its own: slot copies, large messages, and backpressure order across publishes and drains. */
class InboundRingTest {
    /** Only pause and resume matter to the ring; everything else is unused. */
    private static class PausableConnection implements Connection {
        boolean paused;
        int pauses;
        long charged;

        @Override
        public void chargeHeld(long bytes) {
            charged += bytes;
        }

        @Override
        public void pauseReading() {
            paused = true;
            pauses++;
        }

        @Override
        public void resumeReading() {
            paused = false;
        }

        @Override
        public long id() {
            return 1;
        }

        @Override
        public String path() {
            return "/ws";
        }

        @Override
        public String subprotocol() {
            return null;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return null;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public boolean sendText(String text) {
            return false;
        }

        @Override
        public boolean sendText(ByteBuffer utf8, int offset, int length) {
            return false;
        }

        @Override
        public boolean sendBinary(ByteBuffer payload, int offset, int length) {
            return false;
        }

        @Override
        public boolean sendFrame(ByteBuffer frame) {
            return false;
        }

        @Override
        public boolean ping(ByteBuffer payload, int offset, int length) {
            return false;
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void attach(Object attachment) {
        }

        @Override
        public Object attachment() {
            return null;
        }
    }

    /** A connection whose loop lends arrays, counting what it has out. */
    private static final class LendingConnection extends PausableConnection implements MessageArrays {
        final MessageArrayPool pool = new MessageArrayPool(1 << 20, bytes -> { });
        int lent;
        int returned;

        @Override
        public LentArray borrowMessageArray(int length) {
            lent++;
            return pool.lend(length);
        }

        @Override
        public void returnMessageArray(LentArray array) {
            returned++;
            pool.giveBack(array);
        }
    }

    private final PausableConnection connection = new PausableConnection();
    private final Session session = new Session(connection, "s1", null);
    private final List<String> drained = new ArrayList<>();
    private final EventPoller.Handler<InboundEvent> collector = (event, sequence, endOfBatch) -> {
        drained.add(event.kind() + ":" + new String(event.bytes(), 0, event.length(), StandardCharsets.UTF_8));
        assertThat(event.session()).isSameAs(session);
        event.clear();
        return true;
    };

    private static ByteBuffer view(String text) {
        ByteBuffer buffer = ByteBuffer.allocate(text.length() + 4);
        buffer.position(2).put(text.getBytes(StandardCharsets.UTF_8));
        return buffer.asReadOnlyBuffer();
    }

    private void publish(InboundRing ring, String text) {
        ring.publish(session, InboundKind.GAME, "target", view(text), 2, text.length());
    }

    @Test
    void shouldCopyBytesIntoSlotAndDrainInPublishOrderWhenRingHasRoom() throws Exception {
        // given
        InboundRing ring = new InboundRing(8, 16);

        // when
        publish(ring, "a");
        publish(ring, "longer than sixteen bytes");
        long depth = ring.depth();
        ring.drain(collector);

        // then
        assertThat(depth).isEqualTo(2);
        assertThat(drained).containsExactly("2:a", "2:longer than sixteen bytes");
        assertThat(ring.depth()).isZero();
        assertThat(connection.pauses).isZero();
    }

    @Test
    void shouldPauseQueueAndResumeInOrderWhenRingIsFull() throws Exception {
        // given
        InboundRing ring = new InboundRing(2, 16);
        for (int i = 0; i < 5; i++) {
            publish(ring, "m" + i);
        }
        boolean pausedWhenFull = connection.paused;

        // when: each round drains, then lets the blocked session publish what fits
        ring.drain(collector);
        int resumedFirst = ring.retryBlocked();
        ring.drain(collector);
        int resumedSecond = ring.retryBlocked();
        ring.drain(collector);

        // then
        assertThat(pausedWhenFull).isTrue();
        assertThat(connection.pauses).isEqualTo(1);
        assertThat(resumedFirst).isZero();
        assertThat(resumedSecond).isEqualTo(1);
        assertThat(connection.paused).isFalse();
        assertThat(drained).containsExactly("2:m0", "2:m1", "2:m2", "2:m3", "2:m4");
        assertThat(ring.backpressureEvents()).isEqualTo(1);
        assertThat(ring.blockedSessions()).isZero();
    }

    @Test
    void shouldQueueBehindWaitingMessagesWhenBlockedEvenIfRingHasRoomAgain() throws Exception {
        // given
        InboundRing ring = new InboundRing(2, 16);
        publish(ring, "a");
        publish(ring, "b");
        publish(ring, "c");
        ring.drain(collector);

        // when: the ring has room, but "c" waits, so "d" must go after it
        publish(ring, "d");
        ring.retryBlocked();
        ring.drain(collector);

        // then
        assertThat(drained).containsExactly("2:a", "2:b", "2:c", "2:d");
        assertThat(session.isBlocked()).isFalse();
    }

    /** Publishes {@code text} masked with {@code key}, then overwrites the buffer as an I/O loop's next read would. */
    private void publishMasked(InboundRing ring, String text, int key) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 4);
        buffer.position(2).put(bytes);
        Masking.unmask(buffer, 2, bytes.length, key, 0);
        ring.publish(session, InboundKind.GAME, "target", buffer, 2, bytes.length, key);
        Arrays.fill(buffer.array(), (byte) '#');
    }

    @Test
    void shouldUnmaskIntoSlotWhenPublishedMaskedSmallOrLargerThanSlot() throws Exception {
        // given
        InboundRing ring = new InboundRing(8, 16);

        // when
        publishMasked(ring, "a", 0x1234_5678);
        publishMasked(ring, "longer than sixteen bytes, so an array of its own", 0xCAFE_BABE);
        publishMasked(ring, "exactly 16 bytes", 0x0F0F_F0F0);
        ring.drain(collector);

        // then
        assertThat(drained).containsExactly("2:a", "2:longer than sixteen bytes, so an array of its own",
                "2:exactly 16 bytes");
    }

    @Test
    void shouldKeepWaitingMessagesUnmaskedWhenMaskedPublishFindsRingFull() throws Exception {
        // given: every message masked with its own key, its buffer overwritten right after publishing
        InboundRing ring = new InboundRing(2, 16);
        for (int i = 0; i < 6; i++) {
            publishMasked(ring, "masked message " + i, 0x5EED_0000 + 977 * i);
        }
        boolean pausedWhenFull = connection.paused;

        // when
        for (int round = 0; round < 3; round++) {
            ring.drain(collector);
            ring.retryBlocked();
        }
        ring.drain(collector);

        // then
        assertThat(pausedWhenFull).isTrue();
        assertThat(drained).containsExactly("2:masked message 0", "2:masked message 1", "2:masked message 2",
                "2:masked message 3", "2:masked message 4", "2:masked message 5");
        assertThat(connection.paused).isFalse();
        assertThat(session.isBlocked()).isFalse();
    }

    @Test
    void shouldChargeALargeMessageInItsSlotUntilTheSlotIsCleared() throws Exception {
        // given
        InboundRing ring = new InboundRing(8, 16);

        // when
        publish(ring, "longer than sixteen bytes");
        long whilePublished = connection.charged;
        ring.drain(collector);

        // then
        assertThat(whilePublished).isEqualTo("longer than sixteen bytes".length());
        assertThat(connection.charged).isZero();
    }

    @Test
    void shouldChargeMessagesWaitingForRoomUntilTheyArePublished() throws Exception {
        // given: a ring of two slots, full
        InboundRing ring = new InboundRing(2, 16);
        publish(ring, "a");
        publish(ring, "b");

        // when: two more wait aside
        publish(ring, "cc");
        publish(ring, "ddd");
        long whileWaiting = connection.charged;
        ring.drain(collector);
        ring.retryBlocked();
        long afterRetry = connection.charged;

        // then
        assertThat(whileWaiting).isEqualTo(2 + 3 + 2L * PendingMessage.OVERHEAD_BYTES);
        assertThat(afterRetry).isZero();
    }

    @Test
    void shouldPassLentArraysFromWaitingMessagesToSlotsAndGiveEveryOneBack() throws Exception {
        // given: a connection whose loop lends arrays, six large masked messages into a ring of two
        LendingConnection lending = new LendingConnection();
        Session lender = new Session(lending, "s2", null);
        InboundRing ring = new InboundRing(2, 16);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String text = "a message larger than a slot, number " + i;
            texts.add("2:" + text);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
            buffer.put(0, bytes);
            Masking.unmask(buffer, 0, bytes.length, 0x0BAD_F00D + i, 0);
            ring.publish(lender, InboundKind.GAME, "target", buffer, 0, bytes.length, 0x0BAD_F00D + i);
            Arrays.fill(buffer.array(), (byte) '#');
        }
        long whileWaiting = lending.charged;
        List<String> got = new ArrayList<>();
        EventPoller.Handler<InboundEvent> handler = (event, sequence, endOfBatch) -> {
            got.add(event.kind() + ":" + new String(event.bytes(), 0, event.length(), StandardCharsets.UTF_8));
            event.clear();
            return true;
        };

        // when
        for (int round = 0; round < 3; round++) {
            ring.drain(handler);
            ring.retryBlocked();
        }
        ring.drain(handler);

        // then: in order, every array lent came back, and only the waiting objects were charged meanwhile
        assertThat(got).containsExactlyElementsOf(texts);
        assertThat(lending.lent).isEqualTo(6);
        assertThat(lending.returned).isEqualTo(6);
        assertThat(whileWaiting).isEqualTo(4L * PendingMessage.OVERHEAD_BYTES);
        assertThat(lending.charged).isZero();
        assertThat(lender.isBlocked()).isFalse();
    }
}
