package io.ringside.engine.transport;

import io.ringside.protocol.http.HandshakeException;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.http.UpgradeRequestParser;
import io.ringside.protocol.http.UpgradeResponseWriter;
import io.ringside.protocol.websocket.MessageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * Turns a connection's first bytes into an HTTP answer: a 101 upgrade to a configured endpoint, a
 * plain HTTP response, or a refusal with the status the RFCs ask for. Request parsers are pooled per
 * loop and held by a connection only while its request head is incomplete. Loop thread only.
 */
final class Handshaker {
    private static final int RESPONSE_HEAD_BYTES = 512;
    private static final int PARSER_POOL_LIMIT = 64;
    private static final int PARSER_INDEX_BYTES_PER_FIELD = 5 * Integer.BYTES;
    private static final HttpResponse HEALTHY = HttpResponse.text(HttpStatus.OK, "ok\n");
    /** 408 for a client that stalled in its handshake, written as its socket is dropped. */
    static final ByteBuffer HANDSHAKE_TIMEOUT = errorResponse(HttpStatus.REQUEST_TIMEOUT, "handshake timeout")
            .asReadOnlyBuffer();
    /** 503 for the oldest handshake when a newer one needs its place. */
    static final ByteBuffer TOO_MANY_HANDSHAKES = errorResponse(HttpStatus.SERVICE_UNAVAILABLE,
            "too many handshakes in progress").asReadOnlyBuffer();

    /** What a request parser costs on the heap, about: its head buffer and its header index. */
    final long parserBytes;
    private final IoLoop loop;
    private final ServerConfig config;
    private final ArrayDeque<UpgradeRequestParser> parsers = new ArrayDeque<>();

    Handshaker(IoLoop loop) {
        this.loop = loop;
        this.config = loop.config;
        this.parserBytes = config.handshakeLimits.maxHeadBytes() + PARSER_INDEX_BYTES_PER_FIELD
                * (long) config.handshakeLimits.maxHeaderCount();
    }

    /** Feeds request bytes; on a complete head answers it and passes any bytes after it to the decoder. */
    void onBytes(WsConnection connection, ByteBuffer buffer) {
        if (connection.parser == null) {
            UpgradeRequestParser pooled = parsers.poll();
            connection.parser = pooled != null ? pooled : new UpgradeRequestParser(config.handshakeLimits);
        }
        try {
            if (!connection.parser.parse(buffer)) {
                return;
            }
            answer(connection, connection.parser.request());
        } catch (HandshakeException e) {
            connection.refuse(e.status(), e.getMessage());
        } finally {
            if (connection.state() != WsConnection.HANDSHAKE) {
                release(connection);
            }
        }
        if (connection.state() == WsConnection.OPEN && buffer.hasRemaining()) {
            connection.decode(buffer);
        }
    }

    /** Returns the connection's parser, if any, to the pool. */
    void release(WsConnection connection) {
        UpgradeRequestParser parser = connection.parser;
        if (parser != null) {
            connection.parser = null;
            parser.reset();
            if (parsers.size() < PARSER_POOL_LIMIT) {
                parsers.push(parser);
            }
        }
    }

    private void answer(WsConnection connection, UpgradeRequest request) {
        if (!request.isWebSocketUpgrade()) {
            serveHttp(connection, request);
            return;
        }
        request.validateWebSocketUpgrade();
        Endpoint endpoint = config.endpointFor(request);
        if (endpoint == null) {
            throw new HandshakeException(HttpStatus.NOT_FOUND, "no WebSocket endpoint at this path");
        }
        if (!OriginCheck.allowed(endpoint.config, request.origin(), request.header("Host"))) {
            throw new HandshakeException(HttpStatus.FORBIDDEN, "origin not allowed");
        }
        if (loop.isShuttingDown()) {
            throw new HandshakeException(HttpStatus.SERVICE_UNAVAILABLE, "shutting down");
        }
        if (!loop.admitConnection()) {
            throw new HandshakeException(HttpStatus.SERVICE_UNAVAILABLE, "too many connections");
        }
        connection.counted = true;
        String subprotocol = endpoint.selectSubprotocol(request.subprotocols());
        // extensions are declined by not echoing Sec-WebSocket-Extensions (RFC 6455 §9.1)
        ByteBuffer head = ByteBuffer.allocate(RESPONSE_HEAD_BYTES + (subprotocol == null ? 0 : subprotocol.length()));
        UpgradeResponseWriter.writeSwitchingProtocols(head, request, subprotocol);
        connection.sendUpgradeResponse(head.flip());
        MessageDecoder decoder = new MessageDecoder(config.decoderConfig, new InboundDispatcher(connection));
        connection.upgraded(endpoint, subprotocol, decoder);
        try {
            endpoint.handler.onOpen(connection, request);
        } catch (Throwable t) {
            connection.handlerFailed(t);
        }
    }

    private void serveHttp(WsConnection connection, UpgradeRequest request) {
        HttpResponse response = null;
        if (request.pathEquals(ServerConfig.HEALTH_PATH)) {
            response = HEALTHY;
        } else if (config.httpHandler != null) {
            try {
                response = config.httpHandler.handle(request);
            } catch (RuntimeException | Error e) {
                FatalErrorHandler.rethrowIfFatal(e);
                loop.report(null, e);
                throw new HandshakeException(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
            }
        }
        if (response == null && config.endpointFor(request) != null) {
            // a WebSocket endpoint asked for without "Upgrade: websocket" (or with another protocol, e.g. h2c)
            throw new HandshakeException(HttpStatus.UPGRADE_REQUIRED, "this path speaks WebSocket only");
        }
        if (response == null) {
            throw new HandshakeException(HttpStatus.NOT_FOUND, "not found");
        }
        ByteBuffer body = response.body();
        ByteBuffer head = ByteBuffer.allocate(RESPONSE_HEAD_BYTES + response.contentType().length());
        UpgradeResponseWriter.writeResponseHead(head, response.status(), response.contentType(), body.remaining());
        connection.respond(head.flip(), "HEAD".equals(request.method()) ? null : body);
    }

    /** A refusal response with {@code status}, ready to write. */
    static ByteBuffer errorResponse(int status, String message) {
        ByteBuffer head = ByteBuffer.allocate(RESPONSE_HEAD_BYTES + message.length() * 3);
        UpgradeResponseWriter.writeError(head, status, message);
        return head.flip();
    }

    /**
     * Writes what it can of a ready-made {@code response} (one of this class' constants, shared by
     * every loop: written through a duplicate) right before the socket closes.
     */
    static void writeBestEffort(SocketChannel channel, ByteBuffer response) {
        try {
            channel.write(response.duplicate());
        } catch (IOException | RuntimeException e) {
            // the socket is being dropped anyway
        }
    }
}
