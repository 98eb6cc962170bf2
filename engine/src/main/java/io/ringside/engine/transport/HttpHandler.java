package io.ringside.engine.transport;

import io.ringside.protocol.http.UpgradeRequest;
import java.net.InetSocketAddress;

/**
 * Answers plain HTTP requests (those that do not ask for a WebSocket upgrade) on the server's port.
 *
 * <p>Called on an I/O loop thread: it must not block for long (serve cached bytes). Every response
 * closes the connection afterwards.
 */
@FunctionalInterface
public interface HttpHandler {
    /**
     * The response to {@code request} (readable only during the call), or {@code null} for 404.
     */
    HttpResponse handle(UpgradeRequest request);

    /**
     * The response to {@code request} from {@code remoteAddress} (the peer of the TCP connection);
     * by default {@link #handle(UpgradeRequest)}, for handlers that care who asks.
     */
    default HttpResponse handle(UpgradeRequest request, InetSocketAddress remoteAddress) {
        return handle(request);
    }
}
