package io.ringside.benchmarks.engine;

import io.ringside.engine.transport.Connection;
import io.ringside.engine.transport.FramePool;
import io.ringside.engine.transport.SharedFrame;
import io.ringside.engine.transport.WebSocketHandler;
import io.ringside.engine.transport.WebSocketServer;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Our {@link WebSocketServer} as a fan-out server, the way a room's tick thread uses it: the handler
 * collects the connections in {@code onOpen}, and each broadcast goes to all of them from the
 * benchmark thread, either as a pooled {@link SharedFrame} (acquired from a {@link FramePool} and
 * framed per broadcast, one reference per recipient) or, the old way, as one prebuilt frame passed to
 * {@link Connection#sendFrame(ByteBuffer)} (a {@code duplicate()} per recipient).
 */
final class RingsideFanOut implements FanOutServer {
    private static final long CONNECT_TIMEOUT_MS = 60_000;
    private static final int MAX_POOLED_FRAME_BYTES = 64 * 1024;
    private static final long POOL_BUDGET_BYTES = 1L << 20;

    private final boolean pooled;
    private final byte[] payload;
    private final ByteBuffer prebuilt;
    private final FramePool pool = new FramePool(MAX_POOLED_FRAME_BYTES, POOL_BUDGET_BYTES);
    private final FrameEncoder encoder = new FrameEncoder(Role.SERVER);
    private final List<Connection> opened = new ArrayList<>();
    private final WebSocketServer server;
    private Connection[] recipients = new Connection[0];

    private RingsideFanOut(boolean pooled, byte[] payload, int ioLoops) {
        this.pooled = pooled;
        this.payload = payload.clone();
        this.prebuilt = FrameEncoder.serverFrame(true, Opcode.BINARY, ByteBuffer.wrap(this.payload));
        WebSocketHandler collector = new WebSocketHandler() {
            @Override
            public void onOpen(Connection connection, UpgradeRequest request) {
                synchronized (opened) {
                    opened.add(connection);
                }
            }
        };
        // no heartbeat: the clients never send, and a ping would add bytes the benchmark does not expect
        this.server = WebSocketServer.builder()
                .bindAddress("127.0.0.1").port(0)
                .ioLoops(ioLoops)
                .heartbeatIntervalMs(0)
                .shutdownTimeoutMs(1_000)
                .endpoint("/", collector)
                .build();
    }

    /** Starts a server whose broadcasts send {@code payload} pooled ({@code true}) or prebuilt. */
    static RingsideFanOut start(boolean pooled, byte[] payload, int ioLoops) throws IOException {
        RingsideFanOut fanOut = new RingsideFanOut(pooled, payload, ioLoops);
        fanOut.server.start();
        return fanOut;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void awaitConnections(int count) throws InterruptedException {
        FanOutServer.await(this::openedCount, count, CONNECT_TIMEOUT_MS, "Ringside connections opened");
        synchronized (opened) {
            recipients = opened.toArray(new Connection[0]);
        }
    }

    private int openedCount() {
        synchronized (opened) {
            return opened.size();
        }
    }

    @Override
    public void broadcast() {
        if (pooled) {
            broadcastPooled();
        } else {
            for (Connection connection : recipients) {
                if (!connection.sendFrame(prebuilt)) {
                    throw new IllegalStateException(connection + " refused a frame");
                }
            }
        }
    }

    /** Frames the payload into a pooled frame, then hands one reference to each recipient. */
    private void broadcastPooled() {
        SharedFrame frame = pool.acquire(frameBytes());
        ByteBuffer buffer = frame.buffer();
        encoder.writeHeader(buffer, true, Opcode.BINARY, payload.length);
        buffer.put(payload, 0, payload.length);
        frame.retain(recipients.length);
        boolean refused = false;
        for (Connection connection : recipients) {
            refused |= !connection.sendFrame(frame);
        }
        frame.release();
        if (refused) {
            throw new IllegalStateException("a connection refused a frame");
        }
    }

    @Override
    public int frameBytes() {
        return prebuilt.remaining();
    }

    /** Frames allocated by the pool, and frames reused from it. */
    String poolStats() {
        return pooled ? "frame pool: " + pool.created() + " created, " + pool.reused() + " reused"
                : "frame pool: unused (one prebuilt frame)";
    }

    @Override
    public void close() {
        server.close();
    }
}
