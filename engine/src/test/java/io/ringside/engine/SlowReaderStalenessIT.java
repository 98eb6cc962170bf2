package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import io.ringside.engine.room.Room;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How stale a slow game reader's state is once it reads again: a room broadcasts a 1 KiB latest-only
 * snapshot every tick; a player stops reading for 200 ticks, then reads. With the game endpoint's
 * small default {@code SO_SNDBUF} the kernel holds only a few snapshots (the first ones, sent as
 * the player stopped), the rest coalesce in the server's queue: once the player reads, at most
 * {@value #MAX_STALE_SNAPSHOTS} stale snapshots come before the newest. (With the kernel's
 * auto-tuned buffer the player reads every snapshot the kernel took first: 170 of the 200 here.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowReaderStalenessIT {
    private static final int SNAPSHOT_BYTES = 1024;
    private static final int STALLED_TICKS = 200;
    private static final int MAX_STALE_SNAPSHOTS = 48;
    private static final int START = 10;
    private static final int SNAPSHOT = 11;

    private final AtomicInteger sent = new AtomicInteger();
    private RingsideServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldBoundTheStalenessASlowReaderSees() throws Exception {
        // given: a room streaming a snapshot per tick, at 50 Hz
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1).shutdownTimeoutMs(500))
                .game(g -> g.shards(1).tickRateHz(50))
                .room("stream", () -> new StreamRoom(sent))
                .build().start();
        try (RawGameClient client = new RawGameClient(server.port())) {
            client.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("stream")).build());
            client.send(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(START)).build());

            // when: the player reads nothing for 200 ticks, then reads
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sent.get() < STALLED_TICKS) {
                assertThat(System.nanoTime() - deadline).as("snapshots sent %d", sent.get()).isNegative();
                Thread.sleep(10);
            }
            int newest = sent.get();
            List<ServerEnvelope> received = client.readUntil(e -> seq(e) >= newest);

            // then: few stale snapshots before the newest
            int first = received.stream().mapToInt(SlowReaderStalenessIT::seq).filter(s -> s > 0).min().orElseThrow();
            long stale = received.stream().filter(e -> seq(e) > 0 && seq(e) < newest).count();
            int last = seq(received.get(received.size() - 1));
            System.out.printf("slow reader: newest %d when it read; first read %d (%d ticks old), %d stale snapshots"
                    + " before %d%n", newest, first, newest - first, stale, last);
            assertThat(stale).as("stale snapshots read before the newest").isLessThanOrEqualTo(MAX_STALE_SNAPSHOTS);
            assertThat(last).isGreaterThanOrEqualTo(newest);
        }
    }

    private static int seq(ServerEnvelope envelope) {
        if (!envelope.hasGame() || envelope.getGame().getType() != SNAPSHOT) {
            return 0;
        }
        try {
            String value = StringValue.parseFrom(envelope.getGame().getPayload()).getValue();
            return Integer.parseInt(value.substring(0, value.indexOf(':')));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** Broadcasts {@code seq:padding} latest-only every tick once a player sent START. */
    public static final class StreamRoom extends Room {
        private final AtomicInteger sent;
        private final String padding = "x".repeat(SNAPSHOT_BYTES);
        private boolean started;

        StreamRoom(AtomicInteger sent) {
            this.sent = sent;
        }

        @Override
        protected void onCreate(Map<String, String> options) {
            messages().onRaw(START, (player, bytes, offset, length) -> started = true);
        }

        @Override
        protected void onTick(long tick, long dtNanos) {
            if (started) {
                broadcastLatest(SNAPSHOT, StringValue.of(sent.incrementAndGet() + ":" + padding));
            }
        }
    }
}
