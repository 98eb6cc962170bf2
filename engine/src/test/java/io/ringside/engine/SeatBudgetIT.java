package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a seat keeps of its join request is charged to the server's memory budget over real sockets:
 * a join carrying 200 KiB of options raises the budget in use by at least twice that while the seat
 * lasts (through a reconnect grace after its connection is gone), and leaving gives it back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeatBudgetIT {
    private static final int OPTION_BYTES = 200 * 1024;
    /** Unused chunks an I/O loop may hold of the budget: two of at most budget / 64 (64 KiB here). */
    private static final long LOOP_SLACK_BYTES = 2 * (4L << 20) / 64;

    private RingsideServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldChargeTheJoinOptionsASeatKeepsUntilTheSeatEnds() throws Exception {
        // given: a 4 MiB budget, join requests up to 256 KiB, seats held 60 s after a drop
        server = RingsideServer.builder()
                .transport(t -> t.port(0).ioLoops(1).memoryBudgetBytes(4L << 20).shutdownTimeoutMs(500))
                .game(g -> g.shards(1).tickRateHz(30).maxJoinRequestBytes(256 * 1024))
                .room("held", KeepingRoom::new, RoomOptions.builder().reconnectGraceMs(60_000).build())
                .build().start();
        ClientEnvelope join = ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("held")
                .putOptions("blob", "x".repeat(OPTION_BYTES))).build();
        long before;
        long seated;
        long afterDrop;
        long afterLeave;
        try (RawGameClient keeper = new RawGameClient(server.port())) {
            before = server.memoryBudgetUsedBytes();

            // when
            try (RawGameClient dropping = new RawGameClient(server.port())) {
                dropping.send(join);
                dropping.readUntil(ServerEnvelope::hasJoined);
                seated = server.memoryBudgetUsedBytes();
            }
            waitForConnections(1);
            afterDrop = server.memoryBudgetUsedBytes();
            keeper.send(join);
            keeper.readUntil(ServerEnvelope::hasJoined);
            keeper.send(ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());
            keeper.readUntil(ServerEnvelope::hasLeft);
            afterLeave = server.memoryBudgetUsedBytes();
        }

        // then: the dropped seat keeps its charge through the grace; the left one gave it back
        System.out.printf("budget in use: %d before, %d seated, %d after the drop, %d after a join and leave%n",
                before, seated, afterDrop, afterLeave);
        assertThat(seated - before).isGreaterThanOrEqualTo(2L * OPTION_BYTES - LOOP_SLACK_BYTES);
        assertThat(afterDrop - before).isGreaterThanOrEqualTo(2L * OPTION_BYTES - LOOP_SLACK_BYTES);
        assertThat(Math.abs(afterLeave - afterDrop)).isLessThanOrEqualTo(LOOP_SLACK_BYTES);
    }

    private void waitForConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.connectionCount() != count) {
            assertThat(System.nanoTime() - deadline).as("connections %d", server.connectionCount()).isNegative();
            Thread.sleep(10);
        }
    }

    /** A room that keeps its players' seats and does nothing else. */
    public static final class KeepingRoom extends Room {
    }
}
