package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Int64Value;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import io.ringside.protocol.websocket.CloseCode;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Draining by hand: onDrain once per room, rooms ending on their own, and the deadline, on an injected clock. */
class RoomDrainTest {
    /** Join option: the room ends its match in onDrain. */
    private static final String END_ON_DRAIN = "endOnDrain";
    /** Game message the room sends every player in onDrain: the milliseconds it was given. */
    private static final int DRAINING = 20;
    private static final int TICK_RATE_HZ = 10;
    private static final long DEADLINE_MS = 1_000;

    private final Queue<String> log = new ConcurrentLinkedQueue<>();

    /** Tells its players the server is draining, and ends at once if created with {@link #END_ON_DRAIN}. */
    private final class MatchRoom extends Room {
        private boolean endOnDrain;

        @Override
        protected void onCreate(Map<String, String> options) {
            endOnDrain = options.containsKey(END_ON_DRAIN);
        }

        @Override
        protected void onDrain(long msLeft) {
            log.add("drain " + roomId() + " " + msLeft);
            broadcast(DRAINING, Int64Value.of(msLeft));
            if (endOnDrain) {
                close();
            }
        }

        @Override
        protected void onLeave(Player player, LeaveReason reason) {
            log.add("leave " + reason);
        }
    }

    private EngineHarness harness(int capacity, long disposeWhenEmptyMs) {
        return new EngineHarness(GameConfig.builder().shards(2).tickRateHz(TICK_RATE_HZ).drainDeadlineMs(DEADLINE_MS)
                .room("match", MatchRoom::new, RoomOptions.builder().capacity(capacity)
                        .disposeWhenEmptyMs(disposeWhenEmptyMs).reconnectGraceMs(60_000).build()));
    }

    private static void join(EngineHarness h, RecordingConnection connection, Map<String, String> options) {
        h.send(connection, ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("match")
                .putAllOptions(options)).build());
    }

    private static List<BodyCase> bodies(List<ServerEnvelope> envelopes) {
        return envelopes.stream().map(ServerEnvelope::getBodyCase).toList();
    }

    @Test
    void shouldCallOnDrainOnceInEveryRoomWithTheTimeLeft() {
        // given two rooms of one player each, on two shards
        EngineHarness h = harness(1, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        join(h, a, Map.of());
        join(h, b, Map.of());
        h.tick();
        a.drain();
        b.drain();

        // when the server drains and three ticks run
        h.runtime.drain();
        h.ticks(3);

        // then each room heard it once, at the first tick, with the deadline less that tick
        assertThat(log).filteredOn(line -> line.startsWith("drain ")).hasSize(2)
                .allMatch(line -> line.endsWith(" " + (DEADLINE_MS - 1_000 / TICK_RATE_HZ)));
        assertThat(bodies(a.drain())).containsExactly(BodyCase.GAME);
        assertThat(bodies(b.drain())).containsExactly(BodyCase.GAME);
        assertThat(h.runtime.rooms()).hasSize(2);
    }

    @Test
    void shouldDisposeWhatIsLeftAtTheDeadlineAndCloseItsPlayersWith1001() throws Exception {
        // given a room with two players, draining
        EngineHarness h = harness(4, 0);
        RecordingConnection a = h.connect();
        RecordingConnection b = h.connect();
        join(h, a, Map.of());
        join(h, b, Map.of());
        h.tick();
        h.runtime.drain();
        int ticksToDeadline = (int) (DEADLINE_MS * TICK_RATE_HZ / 1_000);

        // when the clock reaches one tick short of the deadline, then the deadline
        h.ticks(ticksToDeadline - 1);
        boolean openBefore = a.isOpen() && b.isOpen() && h.runtime.rooms().size() == 1;
        a.drain();
        h.tick();

        // then the room is gone, its players told why and closed with 1001
        assertThat(openBefore).isTrue();
        assertThat(h.runtime.rooms()).isEmpty();
        assertThat(h.runtime.awaitNoRooms(0)).isTrue();
        List<ServerEnvelope> atA = a.drain();
        assertThat(bodies(atA)).containsExactly(BodyCase.LEFT);
        assertThat(atA.get(0).getLeft().getReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
        assertThat(atA.get(0).getLeft().getMessage()).isEqualTo(RoomCore.DRAIN_DEADLINE_REASON);
        assertThat(a.closeCode()).isEqualTo(CloseCode.GOING_AWAY);
        assertThat(a.closeReason()).isEqualTo(RoomCore.DRAIN_DEADLINE_REASON);
        assertThat(b.closeCode()).isEqualTo(CloseCode.GOING_AWAY);
        assertThat(log).contains("leave LEAVE_REASON_ROOM_CLOSED");
    }

    @Test
    void shouldLetARoomEndItsMatchInOnDrainAndKeepItsPlayersConnected() {
        // given a room that ends its match when told of the drain
        EngineHarness h = harness(4, 0);
        RecordingConnection a = h.connect();
        join(h, a, Map.of(END_ON_DRAIN, ""));
        h.tick();
        a.drain();

        // when
        h.runtime.drain();
        h.tick();

        // then its player got the room's notice, then Left, long before the deadline, and stays connected
        assertThat(bodies(a.drain())).containsExactly(BodyCase.GAME, BodyCase.LEFT);
        assertThat(h.runtime.rooms()).isEmpty();
        assertThat(a.isOpen()).isTrue();
    }

    @Test
    void shouldDisposeAnEmptyRoomAtOnceAndTakeNoNewJoinWhileDraining() {
        // given a room whose only player left, kept a minute for new joins
        EngineHarness h = harness(4, 60_000);
        RecordingConnection a = h.connect();
        join(h, a, Map.of());
        h.tick();
        h.send(a, ClientEnvelope.newBuilder().setLeave(io.ringside.protocol.envelope.LeaveRequest
                .getDefaultInstance()).build());
        h.tick();
        assertThat(h.runtime.rooms()).hasSize(1);
        a.drain();

        // when the server drains and a new player asks to join
        h.runtime.drain();
        RecordingConnection late = h.connect();
        join(h, late, Map.of());
        h.tick();

        // then nobody waits for the empty room, and the join is refused
        assertThat(h.runtime.rooms()).isEmpty();
        List<ServerEnvelope> atLate = late.drain();
        assertThat(atLate).hasSize(1);
        assertThat(atLate.get(0).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_SERVER_DRAINING);
    }

    @Test
    void shouldKeepTheFirstDeadlineWhenDrainedAgain() {
        // given a draining room, half way to its deadline
        EngineHarness h = harness(4, 0);
        RecordingConnection a = h.connect();
        join(h, a, Map.of());
        h.tick();
        h.runtime.drain();
        int ticksToDeadline = (int) (DEADLINE_MS * TICK_RATE_HZ / 1_000);
        h.ticks(ticksToDeadline / 2);

        // when drained again, and the first deadline comes
        h.runtime.drain();
        h.ticks(ticksToDeadline - ticksToDeadline / 2);

        // then the room went at the first deadline
        assertThat(h.runtime.rooms()).isEmpty();
        assertThat(a.closeCode()).isEqualTo(CloseCode.GOING_AWAY);
    }
}
