package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.protobuf.ByteString;
import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.websocket.Masking;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * A guard, not a benchmark: the inbound game path (route on the I/O side, copy into the ring slot,
 * drain at tick start, read the envelope in place, dispatch to a raw handler, step the room)
 * allocates nothing per message or per tick in steady state, counted by the JVM's per-thread
 * allocation counter. JMH with {@code -prof gc} is the measurement.
 */
class InboundPathAllocationTest {
    private static final int MESSAGES_PER_TICK = 10;
    private static final int WARM_UP_TICKS = 3_000;
    private static final int MEASURED_TICKS = 5_000;

    /** A room that counts raw messages and ticks. */
    static final class CountingRoom extends Room {
        long messages;
        long steps;

        @Override
        protected void onCreate(java.util.Map<String, String> options) {
            messages().onRaw(1, (player, bytes, offset, length) -> messages += length);
        }

        @Override
        protected void onTick(long tick, long dtNanos) {
            steps++;
        }
    }

    @Test
    void shouldAllocateNothingPerMessageWhenGameMessagesFlowThroughRingIntoRoom() {
        assertAllocatesNothingPerMessage(0);
    }

    @Test
    void shouldAllocateNothingPerMessageWhenGameMessagesArriveMaskedAndAreUnmaskedIntoSlot() {
        assertAllocatesNothingPerMessage(0x7E57_AB1E);
    }

    private static void assertAllocatesNothingPerMessage(int maskKey) {
        // given
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        EngineHarness h = new EngineHarness(GameConfig.builder().shards(1).tickRateHz(60).ringCapacity(64)
                .room("count", CountingRoom::new, RoomOptions.defaults()));
        RecordingConnection connection = h.connect();
        h.join(connection, "count");
        h.tick();
        byte[] envelope = ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(1)
                .setPayload(ByteString.copyFrom(new byte[48]))).build().toByteArray();
        ByteBuffer buffer = ByteBuffer.allocate(envelope.length + 16);
        buffer.position(5).put(envelope).clear();
        Masking.unmask(buffer, 5, envelope.length, maskKey, 0);
        run(h, connection, buffer, envelope.length, maskKey, WARM_UP_TICKS);
        long threadId = Thread.currentThread().getId();

        // when
        long before = threads.getThreadAllocatedBytes(threadId);
        run(h, connection, buffer, envelope.length, maskKey, MEASURED_TICKS);
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        // then: fewer bytes than messages, so not one object per message
        assertThat(h.runtime.metrics().get(0).messagesIn())
                .isGreaterThanOrEqualTo((long) (WARM_UP_TICKS + MEASURED_TICKS) * MESSAGES_PER_TICK);
        assertThat(allocated).isLessThan((long) MEASURED_TICKS * MESSAGES_PER_TICK);
    }

    private static void run(EngineHarness h, RecordingConnection connection, ByteBuffer buffer, int length,
                            int maskKey, int ticks) {
        MaskedWebSocketHandler endpoint = (MaskedWebSocketHandler) h.runtime.endpoint();
        for (int t = 0; t < ticks; t++) {
            for (int m = 0; m < MESSAGES_PER_TICK; m++) {
                if (maskKey == 0) {
                    endpoint.onBinary(connection, buffer, 5, length);
                } else {
                    endpoint.onMaskedBinary(connection, buffer, 5, length, maskKey);
                }
            }
            h.tick();
        }
    }
}
