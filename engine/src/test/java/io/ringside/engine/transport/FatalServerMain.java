package io.ringside.engine.transport;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.room.Room;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server for {@link FatalErrorIT}, run in a JVM of its own: it injects an {@link OutOfMemoryError}
 * into one kind of server thread when a client asks, and keeps the default fatal error handler
 * (exit). Kinds: {@code io} (a handler on an I/O loop throws it on the text message {@code "oom"}),
 * {@code acceptor} (the acceptor throws it on the second accepted socket), {@code tick} (a room's
 * message handler throws it on its tick thread). Prints {@code port N}, then blocks.
 */
public final class FatalServerMain {
    static final String ROOM_TYPE = "boom";
    static final int BOOM_TYPE = 1;

    private FatalServerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = switch (args[0]) {
            case "io" -> transport(false);
            case "acceptor" -> transport(true);
            case "tick" -> RingsideServer.builder().transport(t -> t.port(0).ioLoops(2)).game(g -> g.shards(1))
                    .room(ROOM_TYPE, BoomRoom::new).build().start().port();
            default -> throw new IllegalArgumentException("kind=" + args[0]);
        };
        System.out.println("port " + port);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static int transport(boolean acceptor) throws IOException {
        AtomicInteger accepted = new AtomicInteger();
        WebSocketServer.Builder builder = WebSocketServer.builder().port(0).ioLoops(2)
                .endpoint("/", new WebSocketHandler() {
                    @Override
                    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
                        throw new OutOfMemoryError("injected by the test on an I/O loop");
                    }
                });
        if (acceptor) {
            builder.acceptHook(() -> {
                if (accepted.incrementAndGet() == 2) {
                    throw new OutOfMemoryError("injected by the test on the acceptor");
                }
            });
        }
        return builder.build().start().port();
    }

    /** A room whose message handler runs out of memory. */
    static final class BoomRoom extends Room {
        @Override
        protected void onCreate(Map<String, String> options) {
            messages().onRaw(BOOM_TYPE, (player, bytes, offset, length) -> {
                throw new OutOfMemoryError("injected by the test on a tick thread");
            });
        }
    }
}
