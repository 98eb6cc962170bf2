package io.ringside.cluster;

import com.google.protobuf.Int64Value;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.TerminationSignals;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One cluster node in a process of its own, for the multi-process tests: {@code <port> <redis-uri>
 * <node-id> <node-ttl-ms> <drain-deadline-ms>}; rooms of type {@code arena} (capacity 4, reconnect
 * grace 10 s) and {@code match} ({@link MatchRoom}, capacity 4). Prints {@code READY} once
 * registered; on SIGTERM drains, closes and exits 0 ({@link TerminationSignals}).
 */
public final class ClusterNodeMain {
    /** Game message a {@link MatchRoom} sends its players in onDrain: the milliseconds it was given. */
    static final int DRAINING = 20;
    /** Create option of a {@link MatchRoom}: it ends its match as soon as it is told of the drain. */
    static final String END_ON_DRAIN = "endOnDrain";

    private ClusterNodeMain() {
    }

    /** Tells its players the node is draining; ends at once if created with {@link #END_ON_DRAIN}. */
    static final class MatchRoom extends Room {
        private boolean endOnDrain;

        @Override
        protected void onCreate(Map<String, String> options) {
            endOnDrain = options.containsKey(END_ON_DRAIN);
        }

        @Override
        protected void onDrain(long msLeft) {
            System.out.println("onDrain " + roomId() + " " + msLeft);
            broadcast(DRAINING, Int64Value.of(msLeft));
            if (endOnDrain) {
                close();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        RingsideServer server = RingsideServer.builder()
                .transport(t -> t.port(port).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1).drainDeadlineMs(Long.parseLong(args[4])))
                .cluster(c -> c.redisUri(args[1]).nodeId(args[2]).nodeTtlMs(Long.parseLong(args[3]))
                        .publicAddress("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH))
                .room("arena", ClusterIT.LabelRoom::new, RoomOptions.builder().capacity(4).disposeWhenEmptyMs(0)
                        .reconnectGraceMs(10_000).build())
                .room("match", MatchRoom::new, RoomOptions.builder().capacity(4).disposeWhenEmptyMs(0).build())
                .build().start();
        TerminationSignals.handle(() -> {
            server.drainAndClose();
            System.out.println("CLOSED");
        });
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
