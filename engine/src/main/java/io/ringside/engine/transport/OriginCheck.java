package io.ringside.engine.transport;

import io.ringside.protocol.http.UpgradeRequest;

/**
 * Decides whether a browser page may open an endpoint, from the request's {@code Origin} and
 * {@code Host} headers (RFC 6454 origin serialization, RFC 9110 §7.2 Host), compared in place: the
 * handshake path allocates nothing for it.
 */
final class OriginCheck {
    private OriginCheck() {
    }

    /**
     * Whether {@code request} may open {@code endpoint}: the check is off, or there is no Origin (not a
     * browser), or the Origin is one of the endpoint's allowed origins (ignoring case), or it names
     * the request's own Host (same host and port; a Host without a port stands for the scheme's
     * default).
     */
    static boolean allowed(Endpoint endpoint, UpgradeRequest request) {
        if (endpoint.config.anyOrigin() || !request.hasOrigin()) {
            return true;
        }
        for (String origin : endpoint.allowedOrigins) {
            if (request.originEquals(origin)) {
                return true;
            }
        }
        return request.originMatchesHost();
    }
}
