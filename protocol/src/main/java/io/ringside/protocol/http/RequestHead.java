package io.ringside.protocol.http;

import java.nio.charset.StandardCharsets;

/**
 * The storage of one request head: its bytes, the offsets of the request line's parts, and for
 * each header field line the offsets of its name and trimmed value plus its {@link HeaderNames}
 * kind. Pre-allocated once per parser; {@link #reset()} only rewinds counters.
 */
final class RequestHead {
    final byte[] bytes;
    final int[] nameStart;
    final int[] nameEnd;
    final int[] valueStart;
    final int[] valueEnd;
    final byte[] kinds;

    int length;
    int headerCount;

    int methodStart;
    int methodEnd;
    int targetStart;
    int targetEnd;
    int pathStart;
    int pathEnd;
    /** Start of the query after '?', or -1 when the target has none. */
    int queryStart;
    /** Whether the target names a resource (origin-form or absolute http/https URI, RFC 6455 §3). */
    boolean resourceTarget;
    int versionMinor;

    int hostCount;
    int keyCount;
    int keyIndex;
    int versionCount;
    int versionIndex;
    boolean upgradeWebSocket;
    boolean connectionUpgrade;
    boolean hasBody;
    boolean validated;

    RequestHead(HandshakeLimits limits) {
        bytes = new byte[limits.maxHeadBytes()];
        int count = limits.maxHeaderCount();
        nameStart = new int[count];
        nameEnd = new int[count];
        valueStart = new int[count];
        valueEnd = new int[count];
        kinds = new byte[count];
        reset();
    }

    void reset() {
        length = 0;
        headerCount = 0;
        queryStart = -1;
        resourceTarget = false;
        hostCount = 0;
        keyCount = 0;
        keyIndex = -1;
        versionCount = 0;
        versionIndex = -1;
        upgradeWebSocket = false;
        connectionUpgrade = false;
        hasBody = false;
        validated = false;
    }

    /** Records a header field line whose name is of {@code kind}; the caller has checked the header count. */
    void addHeader(int nameFrom, int nameTo, int valueFrom, int valueTo, byte kind) {
        int index = headerCount++;
        nameStart[index] = nameFrom;
        nameEnd[index] = nameTo;
        valueStart[index] = valueFrom;
        valueEnd[index] = valueTo;
        kinds[index] = kind;
        if (kind != HeaderNames.OTHER) {
            recordKnown(index, kind, valueFrom, valueTo);
        }
    }

    private void recordKnown(int index, byte kind, int valueFrom, int valueTo) {
        switch (kind) {
            case HeaderNames.HOST:
                hostCount++;
                break;
            case HeaderNames.UPGRADE:
                upgradeWebSocket |= Ascii.equalsIgnoreCase(bytes, valueFrom, valueTo, FieldList.WEBSOCKET)
                        || FieldList.containsToken(bytes, valueFrom, valueTo, FieldList.WEBSOCKET);
                break;
            case HeaderNames.CONNECTION:
                connectionUpgrade |= Ascii.equalsIgnoreCase(bytes, valueFrom, valueTo, FieldList.UPGRADE)
                        || FieldList.containsToken(bytes, valueFrom, valueTo, FieldList.UPGRADE);
                break;
            case HeaderNames.KEY:
                keyCount++;
                keyIndex = index;
                break;
            case HeaderNames.VERSION:
                versionCount++;
                versionIndex = index;
                break;
            case HeaderNames.CONTENT_LENGTH:
                hasBody |= !(valueTo - valueFrom == 1 && bytes[valueFrom] == '0');
                break;
            case HeaderNames.TRANSFER_ENCODING:
                hasBody = true;
                break;
            default:
                break;
        }
    }

    /** The index of the first header named {@code name} (case-insensitive) at or after {@code from}, or -1. */
    int indexOf(String name, int from) {
        for (int i = from; i < headerCount; i++) {
            if (Ascii.equalsIgnoreCase(bytes, nameStart[i], nameEnd[i], name)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first header of {@code kind} at or after {@code from}, or -1. */
    int indexOfKind(byte kind, int from) {
        for (int i = from; i < headerCount; i++) {
            if (kinds[i] == kind) {
                return i;
            }
        }
        return -1;
    }

    /** Header {@code index}'s value as ISO-8859-1 (obs-text bytes map one to one). */
    String value(int index) {
        return text(valueStart[index], valueEnd[index]);
    }

    String text(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
