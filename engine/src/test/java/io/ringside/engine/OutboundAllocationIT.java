package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.JoinRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A guard over real sockets, not a benchmark: once warm, a room that sends every player a snapshot
 * of its own and broadcasts two more every tick costs the server's tick thread and I/O loop no
 * allocation at all, and the frame pool allocates no new frame, counted by the JVM's per-thread
 * allocation counters while clients read everything. A window may show a one-off when the box
 * stalls the I/O loop: the pool growing to a new high-water mark, or a few hundred bytes in one
 * window (seen at load average 25, most likely the JIT running a deoptimized method uncompiled
 * until it is compiled again). Per-tick garbage shows in every window, one-offs do not, so up to
 * six windows are measured and one must be clean. JMH with {@code -prof gc} is the measurement.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OutboundAllocationIT {
    private static final int PLAYERS = 20;
    private static final int WARM_UP_TICKS = 1_000;
    private static final int MEASURED_TICKS = 500;
    private static final int ATTEMPTS = 6;

    private RingsideServer server;
    private final List<RawGameClient> clients = new ArrayList<>();

    /** Every tick: one latest-only snapshot per player, one latest-only and one ordinary broadcast. */
    public static final class StreamingRoom extends Room {
        private final BytesValue snapshot = BytesValue.of(ByteString.copyFrom(new byte[128]));
        private final BytesValue event = BytesValue.of(ByteString.copyFrom(new byte[32]));

        @Override
        protected void onCreate(Map<String, String> options) {
        }

        @Override
        protected void onTick(long tick, long dtNanos) {
            List<Player> players = players();
            for (int i = 0; i < players.size(); i++) {
                sendLatest(players.get(i), 1, snapshot);
            }
            broadcastLatest(2, snapshot);
            broadcast(3, event);
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
    void shouldAllocateNothingOnServerThreadsWhenRoomStreamsToPlayers() throws Exception {
        // given
        assumeThat(ServerThreads.allocationMeasurable()).isTrue();
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1).tickRateHz(128))
                .room("stream", StreamingRoom::new).build().start();
        for (int i = 0; i < PLAYERS; i++) {
            RawGameClient client = new RawGameClient(server.port());
            clients.add(client);
            client.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("stream")).build());
            Thread reader = new Thread(client::discardInput, "reader-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        ServerThreads serverThreads = new ServerThreads("ringside-shard-0", "ringside-io-0");
        waitForTicks(WARM_UP_TICKS);

        // when: measured windows of MEASURED_TICKS, until one is clean or ATTEMPTS are used up
        List<String> windows = new ArrayList<>();
        boolean clean = false;
        for (int attempt = 0; attempt < ATTEMPTS && !clean; attempt++) {
            long createdBefore = metrics().framesCreated();
            long allocatedBefore = serverThreads.allocatedBytes();
            long outBefore = metrics().messagesOut();
            waitForTicks(MEASURED_TICKS);
            long allocated = serverThreads.allocatedBytes() - allocatedBefore;
            ShardMetrics after = metrics();
            long created = after.framesCreated() - createdBefore;
            long sent = after.messagesOut() - outBefore;
            windows.add("frames sent=" + sent + " created=" + created + " bytes allocated=" + allocated);
            assertThat(sent).isGreaterThanOrEqualTo((long) MEASURED_TICKS * PLAYERS * 3);
            clean = created == 0 && allocated == 0;
        }

        // then: a window in which every player got its three frames per tick with no allocation at
        // all and no new frame (a stall of the box can cost a one-off; per-tick garbage, even one
        // byte a tick, or a leak would show in every window)
        assertThat(clean).as("windows: %s", windows).isTrue();
    }

    private ShardMetrics metrics() {
        return server.metrics().get(0);
    }

    private void waitForTicks(int ticks) throws InterruptedException {
        long target = metrics().tick().ticks() + ticks;
        while (metrics().tick().ticks() < target) {
            Thread.sleep(20);
        }
    }
}
