package io.ringside.benchmarks.engine;

import io.ringside.benchmarks.peers.netty.NettyBroadcastServer;

/**
 * The Netty peer as a fan-out server: each broadcast builds its payload buffer from Netty's default
 * allocator (the frame header is written per channel by Netty's encoder on its event loop) and hands
 * it to a {@code ChannelGroup}; see {@link NettyBroadcastServer}.
 */
final class NettyFanOut implements FanOutServer {
    static final String IO_THREAD_PREFIX = NettyBroadcastServer.IO_THREAD_PREFIX;
    private static final long CONNECT_TIMEOUT_MS = 60_000;
    private static final int SHORT_HEADER_BYTES = 2;
    private static final int LONG_HEADER_BYTES = 4;
    private static final int MAX_SHORT_PAYLOAD = 125;

    private final NettyBroadcastServer server;
    private final byte[] payload;

    private NettyFanOut(NettyBroadcastServer server, byte[] payload) {
        this.server = server;
        this.payload = payload.clone();
    }

    static NettyFanOut start(byte[] payload, int ioThreads) throws InterruptedException {
        return new NettyFanOut(NettyBroadcastServer.start(0, ioThreads), payload);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void awaitConnections(int count) throws InterruptedException {
        FanOutServer.await(server::upgradedCount, count, CONNECT_TIMEOUT_MS, "Netty channels upgraded");
    }

    @Override
    public void broadcast() {
        server.broadcast(payload);
    }

    @Override
    public int frameBytes() {
        return (payload.length <= MAX_SHORT_PAYLOAD ? SHORT_HEADER_BYTES : LONG_HEADER_BYTES) + payload.length;
    }

    @Override
    public void close() {
        server.close();
    }
}
