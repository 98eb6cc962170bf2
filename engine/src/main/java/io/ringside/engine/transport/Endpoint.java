package io.ringside.engine.transport;

import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.protocol.deflate.DeflatePolicy;
import io.ringside.protocol.http.UpgradeRequest;
import java.util.List;

/**
 * A WebSocket endpoint: its {@link EndpointConfig} (path, subprotocols in order of preference, Origin
 * policy) and its handler (also as a {@link MaskedWebSocketHandler} if it takes binary messages
 * masked, else {@code null}).
 */
final class Endpoint {
    final EndpointConfig config;
    final String path;
    final List<String> subprotocols;
    final WebSocketHandler handler;
    final MaskedWebSocketHandler maskedHandler;
    /** What a permessage-deflate offer is granted, or {@code null} to decline every extension. */
    final DeflatePolicy deflate;
    /** The config's allowed origins (lower case), as an array so that checking them allocates nothing. */
    final String[] allowedOrigins;

    Endpoint(EndpointConfig config, WebSocketHandler handler) {
        this.config = config;
        this.deflate = config.deflate();
        this.path = config.path();
        this.subprotocols = config.subprotocols();
        this.allowedOrigins = config.allowedOrigins().toArray(new String[0]);
        this.handler = handler;
        this.maskedHandler = handler instanceof MaskedWebSocketHandler masked ? masked : null;
    }

    /**
     * The first protocol the client offered that this endpoint supports (RFC 6455 §4.2.2 leaves the
     * choice to the server), as this endpoint's own string; {@code null} if none. No allocation.
     */
    String selectSubprotocol(UpgradeRequest request) {
        return request.selectSubprotocol(subprotocols);
    }
}
