package io.ringside.benchmarks.peers.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Adds each channel to the broadcast {@link ChannelGroup} once its WebSocket handshake completed
 * (the group drops it again when it closes, by itself), and discards inbound data frames.
 */
@ChannelHandler.Sharable
final class BroadcastGroupHandler extends ChannelInboundHandlerAdapter {
    private final ChannelGroup group;

    BroadcastGroupHandler(ChannelGroup group) {
        this.group = group;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            group.add(ctx.channel());
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }
}
