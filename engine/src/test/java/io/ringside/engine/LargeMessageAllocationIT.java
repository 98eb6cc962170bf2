package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.protobuf.ByteString;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A guard over real sockets, not a benchmark: once warm, game messages larger than a ring slot
 * (600 B, 4 KiB and 16 KiB against 512 B slots) cost the server's I/O loop and tick thread no
 * allocation: each is copied into an array the loop lends and the tick thread gives back. Messages
 * larger than the read buffer (20 to 100 KiB against 16 KiB) are assembled by the decoder in arrays
 * the loop lends too. Counted by the JVM's per-thread allocation counters. Each client sends one
 * message per round and the next round starts once the room has dispatched them all, so that no
 * session goes over its share of the ring. As in {@link OutboundAllocationIT}, a stall of the box
 * may cost a one-off, so up to six windows are measured and one must be clean.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LargeMessageAllocationIT {
    private static final int CLIENTS = 8;
    private static final int[] PAYLOAD_BYTES = {600, 4 * 1024, 16 * 1024};
    /** Larger than the 16 KiB read buffer of the second test: each arrives in several reads. */
    private static final int[] SPLIT_PAYLOAD_BYTES = {20 * 1024, 40 * 1024, 100 * 1024};
    private static final int WARM_UP_ROUNDS = 600;
    private static final int MEASURED_ROUNDS = 300;
    private static final int ATTEMPTS = 6;

    private RingsideServer server;
    private final List<RawGameClient> clients = new ArrayList<>();

    /** A room that sums the lengths of the raw messages of type 1 it gets. */
    public static final class SinkRoom extends Room {
        long bytes;

        @Override
        protected void onCreate(Map<String, String> options) {
            messages().onRaw(1, (player, payload, offset, length) -> bytes += length);
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (RawGameClient client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAllocateNothingOnServerThreadsWhenMessagesAreLargerThanARingSlot() throws Exception {
        assertAllocatesNothingInSteadyState(64 * 1024, PAYLOAD_BYTES);
    }

    @Test
    void shouldAllocateNothingOnServerThreadsWhenMessagesAreSplitAcrossReads() throws Exception {
        assertAllocatesNothingInSteadyState(16 * 1024, SPLIT_PAYLOAD_BYTES);
    }

    private void assertAllocatesNothingInSteadyState(int readBufferBytes, int[] payloadBytes) throws Exception {
        // given
        assumeThat(ServerThreads.allocationMeasurable()).isTrue();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1).readBufferBytes(readBufferBytes))
                .game(g -> g.shards(1).tickRateHz(128).slotBytes(512)).room("sink", SinkRoom::new).build().start();
        for (int i = 0; i < CLIENTS; i++) {
            RawGameClient client = new RawGameClient(server.port());
            clients.add(client);
            client.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("sink")).build());
            client.readUntil(ServerEnvelope::hasJoined);
        }
        List<ClientEnvelope> messages = new ArrayList<>();
        for (int bytes : payloadBytes) {
            messages.add(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(1)
                    .setPayload(ByteString.copyFrom(new byte[bytes]))).build());
        }
        ServerThreads serverThreads = new ServerThreads("ringside-shard-0", "ringside-io-0");
        rounds(messages, WARM_UP_ROUNDS);

        // when: measured windows, until one is clean or ATTEMPTS are used up
        List<String> windows = new ArrayList<>();
        boolean clean = false;
        for (int attempt = 0; attempt < ATTEMPTS && !clean; attempt++) {
            long inBefore = metrics().messagesIn();
            long allocatedBefore = serverThreads.allocatedBytes();
            long cpuBefore = serverThreads.cpuNs();
            rounds(messages, MEASURED_ROUNDS);
            long allocated = serverThreads.allocatedBytes() - allocatedBefore;
            long cpu = serverThreads.cpuNs() - cpuBefore;
            long received = metrics().messagesIn() - inBefore;
            windows.add("messages=" + received + " bytes allocated=" + allocated + " server CPU ns/message="
                    + cpu / Math.max(1, received));
            assertThat(received).isGreaterThanOrEqualTo((long) MEASURED_ROUNDS * CLIENTS);
            clean = allocated == 0;
        }

        // then: a window in which thousands of messages over the slot size cost no allocation at all
        // (a fresh array per message would show in every window)
        System.out.println("large inbound messages: " + windows);
        assertThat(clean).as("windows: %s", windows).isTrue();
    }

    /** Each client sends one message per round, cycling through the sizes; waits for the room to have them. */
    private void rounds(List<ClientEnvelope> messages, int rounds) throws Exception {
        for (int r = 0; r < rounds; r++) {
            long target = metrics().messagesIn() + CLIENTS;
            for (int c = 0; c < CLIENTS; c++) {
                clients.get(c).send(messages.get((r + c) % messages.size()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (metrics().messagesIn() < target) {
                assertThat(System.nanoTime() - deadline).as("round %d", r).isNegative();
                Thread.sleep(1);
            }
        }
    }

    private ShardMetrics metrics() {
        return server.metrics().get(0);
    }
}
