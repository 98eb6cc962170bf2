package io.ringside.engine.transport;

import io.ringside.protocol.deflate.DeflateNegotiation;
import io.ringside.protocol.deflate.DeflateParameters;
import io.ringside.protocol.http.HandshakeException;
import io.ringside.protocol.http.HttpStatus;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.http.UpgradeRequestParser;
import io.ringside.protocol.http.UpgradeResponseWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Turns a connection's first bytes into an HTTP answer: a 101 upgrade to a configured endpoint, a
 * plain HTTP response, or a refusal with the status the RFCs ask for. Request parsers are pooled per
 * loop and held by a connection only while its request head is incomplete; 101 responses are pooled
 * frames, and a plain connection gets its decoder only when bytes arrive ({@link InboundPool}), so an
 * upgrade allocates nothing of its own. Loop thread only.
 */
final class Handshaker {
    private static final int RESPONSE_HEAD_BYTES = 512;
    /** Room for a 101 without subprotocol and extensions (about 130 bytes), and their field names. */
    private static final int UPGRADE_RESPONSE_BYTES = 256;
    /** Largest pooled 101 response, and what the pool may keep idle. */
    private static final int POOLED_RESPONSE_BYTES = 512;
    private static final long RESPONSE_POOL_BYTES = 96 * 1024;
    private static final int PARSER_POOL_LIMIT = 64;
    /** Longest incomplete head kept as bytes rather than in a parser (see {@link #park}). */
    static final int MAX_PARKED_BYTES = 1024;
    private static final int PARK_GRAIN = 64;
    private static final int PARSER_INDEX_BYTES_PER_FIELD = 5 * Integer.BYTES;
    private static final HttpResponse HEALTHY = HttpResponse.text(HttpStatus.OK, "ok\n");
    /** 408 for a client that stalled in its handshake, written as its socket is dropped. */
    static final ByteBuffer HANDSHAKE_TIMEOUT = errorResponse(HttpStatus.REQUEST_TIMEOUT, "handshake timeout")
            .asReadOnlyBuffer();
    /** 400 in plain text for a plain-text request on a TLS port. */
    static final ByteBuffer PLAIN_ON_TLS_PORT = errorResponse(HttpStatus.BAD_REQUEST,
            "this port speaks TLS: use https:// or wss://").asReadOnlyBuffer();
    /** 503 for the oldest handshake when a newer one needs its place. */
    static final ByteBuffer TOO_MANY_HANDSHAKES = errorResponse(HttpStatus.SERVICE_UNAVAILABLE,
            "too many handshakes in progress").asReadOnlyBuffer();

    /** What a request parser costs on the heap, about: its head buffer and its header index. */
    final long parserBytes;
    private final IoLoop loop;
    private final ServerConfig config;
    private final ArrayDeque<UpgradeRequestParser> parsers = new ArrayDeque<>();
    /** 101 responses, back here once written: an upgrade allocates no response buffer. */
    private final FramePool responses = new FramePool(POOLED_RESPONSE_BYTES, RESPONSE_POOL_BYTES);
    private int refusal = TransportMetrics.REFUSED_BAD_REQUEST;
    // connections whose auth handler answered, from any thread; at most one entry per handshake
    private final ConcurrentLinkedQueue<WsConnection> authAnswered = new ConcurrentLinkedQueue<>();

    Handshaker(IoLoop loop) {
        this.loop = loop;
        this.config = loop.config;
        this.parserBytes = config.handshakeLimits.maxHeadBytes() + PARSER_INDEX_BYTES_PER_FIELD
                * (long) config.handshakeLimits.maxHeaderCount();
    }

    /**
     * Feeds request bytes; on a complete head answers it and passes any bytes after it to the decoder.
     * An incomplete head of at most {@link #MAX_PARKED_BYTES} is parked (see {@link #park}) and its
     * parser goes back to the pool, so that a stalled handshake holds only the bytes it sent.
     */
    void onBytes(WsConnection connection, ByteBuffer buffer) {
        boolean resumed = connection.parser == null;
        if (resumed) {
            UpgradeRequestParser pooled = parsers.poll();
            connection.parser = pooled != null ? pooled : new UpgradeRequestParser(config.handshakeLimits);
            if (connection.parkedHead != null) {
                // it parsed as incomplete before: it cannot complete or fail now
                connection.parser.parse(ByteBuffer.wrap(connection.parkedHead, 0, connection.parkedLength));
            }
        }
        int start = buffer.position();
        try {
            if (!connection.parser.parse(buffer)) {
                park(connection, buffer, start, resumed);
                return;
            }
            unpark(connection);
            answer(connection, connection.parser.request());
        } catch (HandshakeException e) {
            refuse(connection, e);
        } finally {
            if (connection.state() != WsConnection.HANDSHAKE) {
                release(connection);
            }
        }
        if (connection.awaitingAuth && buffer.hasRemaining()) {
            // a client that sends frames before our 101 (RFC 6455 §4.1 says wait): keep them for later
            connection.earlyBytes = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
        }
        if (connection.state() == WsConnection.OPEN && buffer.hasRemaining()) {
            connection.decode(buffer);
        }
    }

    private void refuse(WsConnection connection, HandshakeException e) {
        loop.metrics.handshake(e.status());
        loop.metrics.refused(refusal);
        refusal = TransportMetrics.REFUSED_BAD_REQUEST;
        connection.refuse(e.status(), e.getMessage());
    }

    /** Asks the auth handler; its answer comes back through the loop ({@link #finishAuth}). */
    private void authenticate(WsConnection connection, UpgradeRequest request, Endpoint endpoint, AuthHandler auth) {
        CompletionStage<AuthDecision> stage;
        try {
            stage = auth.authenticate(AuthRequest.capture(request, connection.remoteAddress()));
        } catch (RuntimeException e) {
            loop.report(connection, e);
            stage = null;
        }
        if (stage == null) {
            refusal = TransportMetrics.REFUSED_AUTH_ERROR;
            throw new HandshakeException(HttpStatus.INTERNAL_SERVER_ERROR, "auth failed");
        }
        connection.awaitAuth(endpoint, config.authTimeoutNs);
        stage.whenComplete((decision, error) -> loop.authCompleted(connection, decision, error));
    }

    /** Records an auth handler's answer for the loop to apply; returns {@code true}. Any thread. */
    boolean authAnswered(WsConnection connection, AuthDecision decision, Throwable error) {
        connection.authDecision = decision;
        connection.authError = error;
        return authAnswered.offer(connection);
    }

    /** Applies the auth answers that came in; returns how many. Loop thread. */
    int finishAnsweredAuths() {
        int answered = 0;
        WsConnection connection;
        while ((connection = authAnswered.poll()) != null) {
            finishAuth(connection);
            answered++;
        }
        return answered;
    }

    /** Applies the auth handler's answer, unless the connection timed out or went away meanwhile. Loop thread. */
    private void finishAuth(WsConnection connection) {
        if (!connection.awaitingAuth || connection.state() != WsConnection.HANDSHAKE) {
            return;
        }
        Endpoint endpoint = connection.authEndpoint;
        AuthDecision decision = connection.authDecision;
        Throwable error = connection.authError;
        connection.authDone();
        try {
            if (decision == null) {
                Throwable failure = error != null ? error : new IllegalStateException("auth handler answered null");
                loop.report(connection, failure);
                refusal = TransportMetrics.REFUSED_AUTH_ERROR;
                throw new HandshakeException(HttpStatus.INTERNAL_SERVER_ERROR, "auth failed");
            }
            if (!decision.accepted()) {
                refusal = TransportMetrics.REFUSED_AUTH;
                throw new HandshakeException(decision.status(), decision.body());
            }
            if (loop.isShuttingDown()) {
                refusal = TransportMetrics.REFUSED_SHUTTING_DOWN;
                throw new HandshakeException(HttpStatus.SERVICE_UNAVAILABLE, "shutting down");
            }
            connection.identity = decision.identity();
            upgrade(connection, connection.parser.request(), endpoint);
        } catch (HandshakeException e) {
            refuse(connection, e);
        } finally {
            if (connection.state() != WsConnection.HANDSHAKE) {
                release(connection);
            }
        }
        ByteBuffer early = connection.earlyBytes;
        connection.earlyBytes = null;
        if (connection.state() == WsConnection.OPEN && early != null) {
            connection.decode(early);
        }
    }

    /** The auth handler did not answer within the auth timeout: 503. Loop thread. */
    void authTimedOut(WsConnection connection) {
        connection.authDone();
        connection.earlyBytes = null;
        refusal = TransportMetrics.REFUSED_AUTH_TIMEOUT;
        refuse(connection, new HandshakeException(HttpStatus.SERVICE_UNAVAILABLE, "auth timed out"));
        release(connection);
    }

    /**
     * The head is still incomplete after {@code buffer[start, limit)}: while what arrived fits in
     * {@link #MAX_PARKED_BYTES}, keep just those bytes (in an array sized to them, rounded up) and
     * return the parser to the pool; they are parsed again with the next read, which costs at most
     * that many bytes of scanning. A longer head keeps its parser to the end.
     */
    private void park(WsConnection connection, ByteBuffer buffer, int start, boolean resumed) {
        int arrived = buffer.position() - start;
        int parked = connection.parkedLength + arrived;
        if (!resumed || parked > MAX_PARKED_BYTES) {
            unpark(connection);
            return;
        }
        byte[] head = connection.parkedHead;
        if (head == null || head.length < parked) {
            byte[] larger = new byte[(parked + PARK_GRAIN - 1) & -PARK_GRAIN];
            if (head != null) {
                System.arraycopy(head, 0, larger, 0, connection.parkedLength);
            }
            head = larger;
            connection.parkedHead = head;
        }
        buffer.get(start, head, connection.parkedLength, arrived);
        connection.parkedLength = parked;
        release(connection);
    }

    private static void unpark(WsConnection connection) {
        connection.parkedHead = null;
        connection.parkedLength = 0;
    }

    /** Returns the connection's parser, if any, to the pool, and forgets any parked head. */
    void release(WsConnection connection) {
        if (connection.state() != WsConnection.HANDSHAKE) {
            unpark(connection);
        }
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
        if (!OriginCheck.allowed(endpoint, request)) {
            refusal = TransportMetrics.REFUSED_ORIGIN;
            throw new HandshakeException(HttpStatus.FORBIDDEN, "origin not allowed");
        }
        if (loop.isShuttingDown()) {
            refusal = TransportMetrics.REFUSED_SHUTTING_DOWN;
            throw new HandshakeException(HttpStatus.SERVICE_UNAVAILABLE, "shutting down");
        }
        AuthHandler auth = endpoint.config.authHandler() != null ? endpoint.config.authHandler() : config.authHandler;
        if (auth != null) {
            authenticate(connection, request, endpoint, auth);
            return;
        }
        upgrade(connection, request, endpoint);
    }

    private void upgrade(WsConnection connection, UpgradeRequest request, Endpoint endpoint) {
        AddressShare share = connection.share;
        if (share != null && !share.admitConnection(loop.addresses.maxConnections)) {
            refusal = TransportMetrics.REFUSED_ADDRESS_LIMIT;
            throw new HandshakeException(HttpStatus.SERVICE_UNAVAILABLE, IoLoop.ADDRESS_CONNECTIONS_REASON);
        }
        if (!loop.admitConnection()) {
            if (share != null) {
                share.connections.decrementAndGet();
            }
            refusal = TransportMetrics.REFUSED_MAX_CONNECTIONS;
            throw new HandshakeException(HttpStatus.SERVICE_UNAVAILABLE, "too many connections");
        }
        connection.counted = true;
        connection.applySendBuffer(endpoint.config.sendBufferBytes());
        String subprotocol = endpoint.selectSubprotocol(request);
        // an extension is declined by not naming it in Sec-WebSocket-Extensions (RFC 6455 §9.1)
        DeflateParameters deflate = endpoint.deflate == null ? null
                : DeflateNegotiation.negotiate(request.extensions(), endpoint.deflate);
        String extensions = deflate == null ? null : deflate.headerValue();
        SharedFrame response = responses.acquire(UPGRADE_RESPONSE_BYTES
                + (subprotocol == null ? 0 : subprotocol.length()) + (extensions == null ? 0 : extensions.length()));
        ByteBuffer head = response.buffer();
        UpgradeResponseWriter.writeSwitchingProtocols(head, request, subprotocol, extensions);
        head.limit(head.position()).position(0);
        loop.metrics.handshake(HttpStatus.SWITCHING_PROTOCOLS);
        connection.sendUpgradeResponse(response);
        // a plain connection borrows a decoder from the loop for each read; a deflate one keeps its own
        InboundDispatcher inbound = null;
        if (deflate != null) {
            inbound = new InboundDispatcher(connection, config.decoderConfig, loop.inflaters,
                    !deflate.clientNoContextTakeover());
            connection.extensions = extensions;
            connection.deflate = new OutboundDeflate(endpoint.deflate, deflate);
        }
        connection.upgraded(endpoint, subprotocol, inbound);
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
        } else if (config.serverRoutes != null || config.httpHandler != null) {
            try {
                response = config.serverRoutes == null ? null
                        : config.serverRoutes.handle(request, connection.remoteAddress());
                if (response == null && config.httpHandler != null) {
                    response = config.httpHandler.handle(request);
                }
            } catch (RuntimeException | Error e) {
                FatalErrorHandler.rethrowIfFatal(e);
                loop.report(null, e);
                loop.metrics.httpResponse(HttpStatus.INTERNAL_SERVER_ERROR);
                connection.refuse(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
                return;
            }
        }
        if (response == null && config.endpointFor(request) != null) {
            // a WebSocket endpoint asked for without "Upgrade: websocket" (or with another protocol, e.g. h2c)
            throw new HandshakeException(HttpStatus.UPGRADE_REQUIRED, "this path speaks WebSocket only");
        }
        if (response == null) {
            loop.metrics.httpResponse(HttpStatus.NOT_FOUND);
            connection.refuse(HttpStatus.NOT_FOUND, "not found");
            return;
        }
        loop.metrics.httpResponse(response.status());
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
