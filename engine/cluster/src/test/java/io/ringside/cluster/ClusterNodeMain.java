package io.ringside.cluster;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.RoomOptions;
import java.util.concurrent.CountDownLatch;

/**
 * One cluster node in a process of its own, for the multi-process tests: {@code <port> <redis-uri>
 * <node-id> <node-ttl-ms>}; rooms of type {@code arena} (capacity 4, reconnect grace 10 s). Prints
 * {@code READY} once registered; {@code drain} on stdin drains it; exits on SIGTERM after closing.
 */
public final class ClusterNodeMain {
    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        RingsideServer server = RingsideServer.builder()
                .transport(t -> t.port(port).ioLoops(1).bindAddress("127.0.0.1"))
                .game(g -> g.shards(1))
                .cluster(c -> c.redisUri(args[1]).nodeId(args[2]).nodeTtlMs(Long.parseLong(args[3]))
                        .publicAddress("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH))
                .room("arena", ClusterIT.LabelRoom::new, RoomOptions.builder().capacity(4).disposeWhenEmptyMs(0)
                        .reconnectGraceMs(10_000).build())
                .build().start();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            done.countDown();
        }));
        System.out.println("READY");
        System.out.flush();
        done.await();
    }
}
