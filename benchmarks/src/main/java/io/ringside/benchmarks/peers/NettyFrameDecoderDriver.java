package io.ringside.benchmarks.peers;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Netty 4.2's {@link WebSocket08FrameDecoder} driven as directly as the API allows: its
 * {@code decode(ctx, in, out)} is called in a loop on one buffer, with the real
 * {@link ChannelHandlerContext} of an {@link EmbeddedChannel} pipeline (so {@code ctx.alloc()} is
 * Netty's default allocator), and each decoded frame is released at once, as a handler would.
 *
 * <p>Server settings: expects masked frames, no extensions, max frame payload {@code maxFramePayload}.
 * Netty copies each payload out of {@code in} into a buffer from {@code ctx.alloc()} and unmasks it
 * there, so the source buffer stays pristine between invocations. The leak detector's level is
 * JVM-wide ({@code ResourceLeakDetector.setLevel}): the benchmark state sets it.
 */
public final class NettyFrameDecoderDriver extends WebSocket08FrameDecoder {
    private final ChannelHandlerContext ctx;
    private final List<Object> out = new ArrayList<>();
    private final ByteBuf in;

    /** A driver decoding {@code wire} (masked client frames) with frames up to {@code maxFramePayload}. */
    public NettyFrameDecoderDriver(byte[] wire, int maxFramePayload) {
        this(wire, maxFramePayload, null);
    }

    /**
     * A driver whose channel allocates payloads from {@code allocator} ({@code null}: Netty's default,
     * {@code ByteBufAllocator.DEFAULT}).
     */
    public NettyFrameDecoderDriver(byte[] wire, int maxFramePayload, ByteBufAllocator allocator) {
        super(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(true)
                .allowExtensions(false)
                .maxFramePayloadLength(maxFramePayload)
                .build());
        EmbeddedChannel channel = new EmbeddedChannel();
        if (allocator != null) {
            channel.config().setAllocator(allocator);
        }
        channel.pipeline().addLast(this);
        this.ctx = channel.pipeline().context(this);
        this.in = Unpooled.wrappedBuffer(wire);
    }

    /** Decodes the whole wire buffer once, releasing every frame; returns the frames decoded. */
    public int decodeAll() throws Exception {
        in.readerIndex(0);
        int frames = 0;
        while (in.isReadable()) {
            decode(ctx, in, out);
            for (int i = 0, n = out.size(); i < n; i++) {
                ((WebSocketFrame) out.get(i)).release();
                frames++;
            }
            out.clear();
        }
        return frames;
    }

    /** Decodes the whole wire buffer once and digests every binary payload (setup only). */
    public PayloadDigest digestAll() throws Exception {
        PayloadDigest digest = new PayloadDigest();
        in.readerIndex(0);
        while (in.isReadable()) {
            decode(ctx, in, out);
            for (Object frame : out) {
                ByteBuf content = ((BinaryWebSocketFrame) frame).content();
                digest.add(ByteBufUtil.getBytes(content), 0, content.readableBytes());
                ((WebSocketFrame) frame).release();
            }
            out.clear();
        }
        return digest;
    }
}
