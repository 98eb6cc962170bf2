package io.ringside.benchmarks.peers.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Echoes binary and text frames the idiomatic Netty way: the received frame itself is written back
 * (its reference passes to the outbound path, so nothing is copied), and the writes of one read
 * burst are flushed once in {@link #channelReadComplete}. Ping, pong and close are answered by
 * {@code WebSocketServerProtocolHandler} before they get here.
 */
@ChannelHandler.Sharable
final class EchoFrameHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BinaryWebSocketFrame || msg instanceof TextWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame) {
            ctx.write(msg, ctx.voidPromise());
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }
}
