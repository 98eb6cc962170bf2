package io.ringside.engine.transport;

import java.util.Locale;

/**
 * Decides whether a browser page may open an endpoint, from the request's {@code Origin} and
 * {@code Host} headers (RFC 6454 origin serialization, RFC 9110 §7.2 Host). Handshake path only; it
 * allocates.
 */
final class OriginCheck {
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    private OriginCheck() {
    }

    /** Whether {@code origin} (may be null) may open an endpoint configured by {@code config}. */
    static boolean allowed(EndpointConfig config, String origin, String host) {
        if (config.anyOrigin() || origin == null) {
            return true;
        }
        String normalized = origin.toLowerCase(Locale.ROOT);
        return config.allowedOrigins().contains(normalized) || sameHost(normalized, host);
    }

    /**
     * Whether {@code origin} ({@code scheme://host[:port]}, lower case) names the authority in
     * {@code host} ({@code host[:port]}). A Host without a port matches the origin's default port,
     * since a proxy may have terminated TLS in front of us.
     */
    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        int schemeEnd = origin.indexOf("://");
        if (schemeEnd < 0) {
            return false;
        }
        String scheme = origin.substring(0, schemeEnd);
        String originAuthority = origin.substring(schemeEnd + 3);
        int defaultPort = "https".equals(scheme) || "wss".equals(scheme) ? HTTPS_PORT : HTTP_PORT;
        int originPortAt = portSeparator(originAuthority);
        String originHost = originPortAt < 0 ? originAuthority : originAuthority.substring(0, originPortAt);
        int originPort = originPortAt < 0 ? defaultPort : parsePort(originAuthority.substring(originPortAt + 1));
        String hostLower = host.toLowerCase(Locale.ROOT);
        int hostPortAt = portSeparator(hostLower);
        String hostName = hostPortAt < 0 ? hostLower : hostLower.substring(0, hostPortAt);
        int hostPort = hostPortAt < 0 ? defaultPort : parsePort(hostLower.substring(hostPortAt + 1));
        return originPort >= 0 && originHost.equals(hostName) && originPort == hostPort;
    }

    /** Index of the ':' before a port, skipping an IPv6 literal's brackets; -1 when there is none. */
    private static int portSeparator(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > authority.lastIndexOf(']') ? colon : -1;
    }

    private static int parsePort(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return -1;
        }
        int port = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port;
    }
}
