package io.ringside.benchmarks.peers;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;
import java.io.ByteArrayOutputStream;

/**
 * A Netty 4.2 server handshake, step by step: the request bytes go through an
 * {@link HttpRequestDecoder} (default settings) in an {@link EmbeddedChannel}; its
 * {@link HttpRequest} and empty {@link LastHttpContent} are wrapped into a {@link FullHttpRequest}
 * directly (cheaper than an {@code HttpObjectAggregator}, which would also copy into a composite
 * buffer); {@link WebSocketServerHandshaker13#newHandshakeResponse} validates it and builds the 101;
 * an {@link HttpResponseEncoder} in a second {@link EmbeddedChannel} encodes it, and the encoded
 * buffers are released.
 *
 * <p>{@code handshake(channel, req)} is not used: it rewrites the pipeline, so it cannot be repeated.
 * No subprotocol is offered by the server, as for the other implementations.
 */
public final class NettyHandshakeDriver {
    private final EmbeddedChannel decoderChannel = new EmbeddedChannel(new HttpRequestDecoder());
    private final EmbeddedChannel encoderChannel = new EmbeddedChannel(new HttpResponseEncoder());
    private final Handshaker handshaker = new Handshaker();
    private final ByteBuf request;
    private ByteArrayOutputStream capture;

    /** A driver answering the request head {@code requestBytes}. */
    public NettyHandshakeDriver(byte[] requestBytes) {
        this.request = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(requestBytes));
    }

    /** One whole handshake; returns the response bytes written. */
    public int handshake() {
        decoderChannel.writeInbound(request.duplicate().readerIndex(0));
        HttpRequest head = decoderChannel.readInbound();
        LastHttpContent last = decoderChannel.readInbound();
        if (!head.decoderResult().isSuccess() || last == null) {
            throw new IllegalStateException("Netty did not decode the request: " + head.decoderResult());
        }
        last.release();
        FullHttpRequest full = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(),
                Unpooled.EMPTY_BUFFER, head.headers(), EmptyHttpHeaders.INSTANCE);
        encoderChannel.writeOutbound(handshaker.respond(full));
        int written = 0;
        for (ByteBuf out = encoderChannel.readOutbound(); out != null; out = encoderChannel.readOutbound()) {
            written += out.readableBytes();
            if (capture != null) {
                byte[] bytes = new byte[out.readableBytes()];
                out.getBytes(out.readerIndex(), bytes);
                capture.write(bytes, 0, bytes.length);
            }
            out.release();
        }
        return written;
    }

    /** One handshake whose response bytes are returned (setup only). */
    public byte[] handshakeAndCapture() {
        capture = new ByteArrayOutputStream();
        try {
            handshake();
            return capture.toByteArray();
        } finally {
            capture = null;
        }
    }

    /** Exposes the protected response builder; no subprotocols, default decoder config. */
    private static final class Handshaker extends WebSocketServerHandshaker13 {
        Handshaker() {
            super("ws://localhost/", null, WebSocketDecoderConfig.newBuilder().build());
        }

        FullHttpResponse respond(FullHttpRequest req) {
            return newHandshakeResponse(req, (HttpHeaders) null);
        }
    }
}
