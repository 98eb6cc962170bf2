package io.ringside.benchmarks.peers.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty 4.2 peer of the fan-out benchmark: the pipeline of {@link NettyEchoServer} (HTTP codec,
 * aggregator for the upgrade request, {@link WebSocketServerProtocolHandler} with its defaults, no
 * compression) on path {@code /}, with every upgraded channel in a {@link ChannelGroup}, and a
 * broadcast done the way the {@code ChannelGroup} javadoc shows it: one payload buffer from the
 * default allocator, wrapped in a {@link BinaryWebSocketFrame}, {@code group.writeAndFlush(frame)}
 * (the group hands each channel a retained duplicate and releases the original).
 */
public final class NettyBroadcastServer implements AutoCloseable {
    /** Names of the I/O threads start with this. */
    public static final String IO_THREAD_PREFIX = "netty-fanout-io";
    private static final int MAX_UPGRADE_REQUEST_BYTES = 64 * 1024;
    private static final int MAX_FRAME_BYTES = 64 * 1024;
    private static final int ACCEPT_BACKLOG = 1024;

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ChannelGroup group;
    private final Channel serverChannel;

    private NettyBroadcastServer(EventLoopGroup bossGroup, EventLoopGroup workerGroup, ChannelGroup group,
            Channel serverChannel) {
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.group = group;
        this.serverChannel = serverChannel;
    }

    /** Binds {@code 127.0.0.1:port} (0 for any free one) with one acceptor thread and {@code ioThreads} I/O threads. */
    public static NettyBroadcastServer start(int port, int ioThreads) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioThreads,
                new DefaultThreadFactory(IO_THREAD_PREFIX), NioIoHandler.newFactory());
        try {
            ChannelGroup group = new DefaultChannelGroup("fanout", GlobalEventExecutor.INSTANCE);
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer(group))
                    .bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
            return new NettyBroadcastServer(boss, workers, group, channel);
        } catch (InterruptedException | RuntimeException e) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            throw e;
        }
    }

    private static ChannelInitializer<SocketChannel> initializer(ChannelGroup group) {
        BroadcastGroupHandler joiner = new BroadcastGroupHandler(group);
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                ChannelPipeline pipeline = channel.pipeline();
                pipeline.addLast(new HttpServerCodec());
                pipeline.addLast(new HttpObjectAggregator(MAX_UPGRADE_REQUEST_BYTES));
                pipeline.addLast(new WebSocketServerProtocolHandler("/", null, false, MAX_FRAME_BYTES));
                pipeline.addLast(joiner);
            }
        };
    }

    /**
     * Sends {@code payload} as one binary message to every upgraded channel; returns once every write
     * is handed to the channels' event loops (not written yet). Any thread.
     */
    public void broadcast(byte[] payload) {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(payload.length).writeBytes(payload);
        group.writeAndFlush(new BinaryWebSocketFrame(buffer));
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Upgraded channels in the group right now. Any thread. */
    public int upgradedCount() {
        return group.size();
    }

    /** Closes the listening socket and every connection, and stops the threads; waits for them. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.close().syncUninterruptibly();
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
