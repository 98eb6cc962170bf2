package io.ringside.protocol.http;

/**
 * Compares a request's {@code Origin} ({@code scheme://host[:port]}, RFC 6454 §6.1) with its
 * {@code Host} ({@code host[:port]}, RFC 9110 §7.2) in place, ignoring ASCII case. A Host without a
 * port matches the origin scheme's default port (443 for https and wss, else 80), since a proxy may
 * have terminated TLS in front of the server. No allocation.
 */
final class OriginHost {
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;
    private static final int MAX_PORT_DIGITS = 5;
    private static final byte[] HTTPS = Ascii.bytes("https");
    private static final byte[] WSS = Ascii.bytes("wss");

    private OriginHost() {
    }

    /** Whether origin {@code bytes[os, oe)} names the authority in host {@code bytes[hs, he)}. */
    static boolean sameAuthority(byte[] bytes, int os, int oe, int hs, int he) {
        int schemeEnd = schemeEnd(bytes, os, oe);
        if (schemeEnd < 0) {
            return false;
        }
        int defaultPort = Ascii.equalsIgnoreCase(bytes, os, schemeEnd, HTTPS)
                || Ascii.equalsIgnoreCase(bytes, os, schemeEnd, WSS) ? HTTPS_PORT : HTTP_PORT;
        int authority = schemeEnd + 3;
        int originColon = portSeparator(bytes, authority, oe);
        int originPort = originColon < 0 ? defaultPort : parsePort(bytes, originColon + 1, oe);
        int hostColon = portSeparator(bytes, hs, he);
        int hostPort = hostColon < 0 ? defaultPort : parsePort(bytes, hostColon + 1, he);
        int originHostEnd = originColon < 0 ? oe : originColon;
        int hostEnd = hostColon < 0 ? he : hostColon;
        return originPort >= 0 && originPort == hostPort
                && equalsIgnoreCase(bytes, authority, originHostEnd, hs, hostEnd);
    }

    /** The index of the first "://" in {@code bytes[start, end)}, or -1. */
    private static int schemeEnd(byte[] bytes, int start, int end) {
        for (int i = start; i + 2 < end; i++) {
            if (bytes[i] == Ascii.COLON && bytes[i + 1] == Ascii.SLASH && bytes[i + 2] == Ascii.SLASH) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the ':' before a port, skipping an IPv6 literal's brackets; -1 when there is none. */
    private static int portSeparator(byte[] bytes, int start, int end) {
        for (int i = end - 1; i >= start; i--) {
            if (bytes[i] == Ascii.COLON) {
                return i;
            }
            if (bytes[i] == ']') {
                return -1;
            }
        }
        return -1;
    }

    private static int parsePort(byte[] bytes, int start, int end) {
        if (start == end || end - start > MAX_PORT_DIGITS) {
            return -1;
        }
        int port = 0;
        for (int i = start; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            port = port * 10 + digit;
        }
        return port;
    }

    private static boolean equalsIgnoreCase(byte[] bytes, int aStart, int aEnd, int bStart, int bEnd) {
        if (aEnd - aStart != bEnd - bStart) {
            return false;
        }
        for (int i = 0; i < aEnd - aStart; i++) {
            if (Ascii.lower(bytes[aStart + i]) != Ascii.lower(bytes[bStart + i])) {
                return false;
            }
        }
        return true;
    }
}
