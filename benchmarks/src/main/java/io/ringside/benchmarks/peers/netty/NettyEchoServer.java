package io.ringside.benchmarks.peers.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty 4.2 peer of the end-to-end benchmarks: a WebSocket echo server on the NIO transport,
 * built the way Netty's own examples build one (HTTP codec, aggregator for the upgrade request,
 * {@link WebSocketServerProtocolHandler} with its defaults and no compression, then an echoing
 * handler). Text comes back as text and binary as binary on path {@code /}. With an {@link SslContext}
 * an {@code SslHandler} comes first in the pipeline (wss://).
 */
public final class NettyEchoServer implements AutoCloseable {
    private static final int MAX_UPGRADE_REQUEST_BYTES = 64 * 1024;
    private static final int ACCEPT_BACKLOG = 1024;
    /** As our benchmark server's: long enough for hundreds of handshakes in flight on a loaded box. */
    private static final long TLS_HANDSHAKE_MS = 120_000;

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ConnectionCounter counter;
    private final Channel serverChannel;

    private NettyEchoServer(EventLoopGroup bossGroup, EventLoopGroup workerGroup, ConnectionCounter counter,
            Channel serverChannel) {
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.counter = counter;
        this.serverChannel = serverChannel;
    }

    /**
     * Binds {@code port} (0 for any free one) and starts one acceptor thread and {@code ioThreads}
     * I/O threads; frames and messages above {@code maxFrameBytes} are refused with 1009.
     */
    public static NettyEchoServer start(int port, int ioThreads, int maxFrameBytes) throws InterruptedException {
        return start(port, ioThreads, maxFrameBytes, null);
    }

    /** {@link #start(int, int, int)} speaking TLS with {@code tls} ({@code null}: plain). */
    public static NettyEchoServer start(int port, int ioThreads, int maxFrameBytes, SslContext tls)
            throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        try {
            ConnectionCounter counter = new ConnectionCounter();
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer(counter, maxFrameBytes, tls))
                    .bind(new InetSocketAddress(port)).sync().channel();
            return new NettyEchoServer(boss, workers, counter, channel);
        } catch (InterruptedException | RuntimeException e) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            throw e;
        }
    }

    private static ChannelInitializer<SocketChannel> initializer(ConnectionCounter counter, int maxFrameBytes,
            SslContext tls) {
        EchoFrameHandler echo = new EchoFrameHandler();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                ChannelPipeline pipeline = channel.pipeline();
                pipeline.addLast(counter);
                if (tls != null) {
                    SslHandler handler = tls.newHandler(channel.alloc());
                    handler.setHandshakeTimeoutMillis(TLS_HANDSHAKE_MS);
                    pipeline.addLast(handler);
                }
                pipeline.addLast(new HttpServerCodec());
                pipeline.addLast(new HttpObjectAggregator(MAX_UPGRADE_REQUEST_BYTES));
                pipeline.addLast(new WebSocketServerProtocolHandler("/", null, false, maxFrameBytes));
                pipeline.addLast(echo);
            }
        };
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Open TCP connections right now. Any thread. */
    public int connectionCount() {
        return counter.count();
    }

    /** Closes the listening socket and every connection, and stops the threads; waits for them. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
