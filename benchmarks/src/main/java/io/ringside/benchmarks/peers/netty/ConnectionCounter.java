package io.ringside.benchmarks.peers.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts open child channels, so the benchmark can wait until the server saw every close. */
@ChannelHandler.Sharable
final class ConnectionCounter extends ChannelInboundHandlerAdapter {
    private final AtomicInteger open = new AtomicInteger();

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        open.incrementAndGet();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        ctx.fireChannelInactive();
    }

    int count() {
        return open.get();
    }
}
