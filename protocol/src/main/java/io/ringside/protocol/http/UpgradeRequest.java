package io.ringside.protocol.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed HTTP request head: the upgrade request of a WebSocket handshake, or a plain HTTP request.
 *
 * <p>A view over its parser's storage, valid until the parser is reset, used by the connection's
 * I/O thread. {@link #isWebSocketUpgrade()}, {@link #validateWebSocketUpgrade()},
 * {@link #pathEquals(String)} and {@link #writeAcceptKey(ByteBuffer)} read bytes in place and
 * allocate nothing; the {@code String} accessors allocate and are meant for routing, auth hooks and
 * negotiation. Header names compare case-insensitively; values are trimmed of optional whitespace and
 * decoded as ISO-8859-1 (RFC 9110 §5.5), the path and query are returned undecoded.
 */
public final class UpgradeRequest {
    private final RequestHead head;
    private final AcceptKey acceptKey;

    UpgradeRequest(RequestHead head, AcceptKey acceptKey) {
        this.head = head;
        this.acceptKey = acceptKey;
    }

    /** The method, e.g. {@code "GET"}. */
    public String method() {
        return head.text(head.methodStart, head.methodEnd);
    }

    /**
     * The request target's path, e.g. {@code "/arena"} (not decoded); {@code "/"} for an absolute URI
     * without a path; the whole target for the asterisk or authority form.
     */
    public String path() {
        return head.pathStart == head.pathEnd ? "/" : head.text(head.pathStart, head.pathEnd);
    }

    /** The query after {@code ?}, without it; {@code null} when absent. */
    public String query() {
        return head.queryStart < 0 ? null : head.text(head.queryStart, head.targetEnd);
    }

    /** Whether the path equals {@code path} exactly, compared in place without allocating. */
    public boolean pathEquals(String path) {
        if (head.pathStart == head.pathEnd) {
            return "/".equals(path);
        }
        return Ascii.equalsExactly(head.bytes, head.pathStart, head.pathEnd, path);
    }

    /**
     * Whether the request asks to upgrade to WebSocket (an {@code Upgrade} field whose token list
     * contains {@code websocket}, case-insensitively); otherwise it is plain HTTP.
     */
    public boolean isWebSocketUpgrade() {
        return head.upgradeWebSocket;
    }

    /**
     * Checks the opening handshake per RFC 6455 §4.2.1: GET, HTTP/1.1 or later, a resource target,
     * exactly one Host, Upgrade containing {@code websocket}, Connection containing the Upgrade token,
     * no request body, exactly one Sec-WebSocket-Key of 16 base64-encoded bytes, Sec-WebSocket-Version
     * 13, and a well-formed Sec-WebSocket-Protocol list if present. Allocates nothing when it passes.
     *
     * @throws HandshakeException 400 when malformed, 426 for a missing or other version (§4.4)
     */
    public void validateWebSocketUpgrade() {
        UpgradeValidator.validate(head);
    }

    /** The first value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        int index = head.indexOf(name, 0);
        return index < 0 ? null : head.value(index);
    }

    /** Every value of header {@code name} (case-insensitive), one per field line, in order; empty when absent. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (int i = head.indexOf(name, 0); i >= 0; i = head.indexOf(name, i + 1)) {
            values.add(head.value(i));
        }
        return Collections.unmodifiableList(values);
    }

    /** The number of header field lines. */
    public int headerCount() {
        return head.headerCount;
    }

    /** The name of header field line {@code index} (0 to {@link #headerCount()} - 1), as sent. */
    public String headerName(int index) {
        return head.text(head.nameStart[checkIndex(index)], head.nameEnd[index]);
    }

    /** The value of header field line {@code index} (0 to {@link #headerCount()} - 1). */
    public String headerValue(int index) {
        return head.value(checkIndex(index));
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= head.headerCount) {
            throw new IndexOutOfBoundsException("index=" + index + " (headerCount=" + head.headerCount + ")");
        }
        return index;
    }

    /** The {@code Origin} header, or {@code null}. */
    public String origin() {
        int index = head.indexOfKind(HeaderNames.ORIGIN, 0);
        return index < 0 ? null : head.value(index);
    }

    /** Whether the request carries an {@code Origin} header; no allocation. */
    public boolean hasOrigin() {
        return head.indexOfKind(HeaderNames.ORIGIN, 0) >= 0;
    }

    /**
     * Whether the (first) {@code Origin} header equals {@code lowerCaseOrigin}, ignoring ASCII case;
     * {@code false} without one. Compared in place, no allocation.
     */
    public boolean originEquals(String lowerCaseOrigin) {
        int index = head.indexOfKind(HeaderNames.ORIGIN, 0);
        return index >= 0 && Ascii.equalsIgnoreCase(head.bytes, head.valueStart[index], head.valueEnd[index],
                lowerCaseOrigin);
    }

    /**
     * Whether the (first) {@code Origin} ({@code scheme://host[:port]}) names the same host and port
     * as the {@code Host} header, ignoring ASCII case; a Host without a port stands for the origin
     * scheme's default port (443 for https and wss, else 80). {@code false} without either header.
     * Compared in place, no allocation: the same-origin test against cross-site WebSocket hijacking.
     */
    public boolean originMatchesHost() {
        int origin = head.indexOfKind(HeaderNames.ORIGIN, 0);
        int host = head.indexOfKind(HeaderNames.HOST, 0);
        return origin >= 0 && host >= 0 && OriginHost.sameAuthority(head.bytes, head.valueStart[origin],
                head.valueEnd[origin], head.valueStart[host], head.valueEnd[host]);
    }

    /**
     * The first subprotocol the client offers (in its order, {@link #subprotocols()}) that is one of
     * {@code supported} (exact match), as {@code supported}'s own string; {@code null} if none.
     * Compared in place, no allocation (RFC 6455 §4.2.2 leaves the choice to the server).
     */
    public String selectSubprotocol(List<String> supported) {
        if (supported.isEmpty()) {
            return null;
        }
        for (int i = head.indexOfKind(HeaderNames.PROTOCOL, 0); i >= 0;
                i = head.indexOfKind(HeaderNames.PROTOCOL, i + 1)) {
            String chosen = FieldList.firstExactly(head.bytes, head.valueStart[i], head.valueEnd[i], supported);
            if (chosen != null) {
                return chosen;
            }
        }
        return null;
    }

    /** The subprotocols the client offers ({@code Sec-WebSocket-Protocol}, all fields), in order. */
    public List<String> subprotocols() {
        List<String> protocols = new ArrayList<>();
        for (int i = head.indexOfKind(HeaderNames.PROTOCOL, 0); i >= 0;
                i = head.indexOfKind(HeaderNames.PROTOCOL, i + 1)) {
            FieldList.addElements(head, head.valueStart[i], head.valueEnd[i], protocols);
        }
        return Collections.unmodifiableList(protocols);
    }

    /** Whether the client offered subprotocol {@code name} (exact match); no allocation. */
    public boolean offersSubprotocol(String name) {
        for (int i = head.indexOfKind(HeaderNames.PROTOCOL, 0); i >= 0;
                i = head.indexOfKind(HeaderNames.PROTOCOL, i + 1)) {
            if (FieldList.containsExactly(head.bytes, head.valueStart[i], head.valueEnd[i], name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The extensions the client offers ({@code Sec-WebSocket-Extensions}, all fields), in order.
     *
     * An offer that repeats a parameter is returned with {@link ExtensionOffer#repeatsParameter()} set.
     *
     * @throws HandshakeException 400 when the field does not follow the RFC 6455 §9.1 grammar
     */
    public List<ExtensionOffer> extensions() {
        List<ExtensionOffer> offers = new ArrayList<>();
        for (int i = head.indexOfKind(HeaderNames.EXTENSIONS, 0); i >= 0;
                i = head.indexOfKind(HeaderNames.EXTENSIONS, i + 1)) {
            ExtensionOfferParser.parse(head.bytes, head.valueStart[i], head.valueEnd[i], offers);
        }
        return Collections.unmodifiableList(offers);
    }

    /**
     * The value of cookie {@code name} (case-sensitive) from the {@code Cookie} header(s), as sent,
     * or {@code null}.
     */
    public String cookie(String name) {
        for (int i = head.indexOfKind(HeaderNames.COOKIE, 0); i >= 0;
                i = head.indexOfKind(HeaderNames.COOKIE, i + 1)) {
            String value = Cookies.find(head, head.valueStart[i], head.valueEnd[i], name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * Writes the 28 ASCII bytes of {@code Sec-WebSocket-Accept} for this request's key at
     * {@code dst}'s position (RFC 6455 §4.2.2); allocates nothing.
     *
     * @throws IllegalStateException              if {@link #validateWebSocketUpgrade()} has not passed
     * @throws java.nio.BufferOverflowException   if fewer than 28 bytes remain in {@code dst}
     */
    public void writeAcceptKey(ByteBuffer dst) {
        if (!validated()) {
            throw new IllegalStateException("validateWebSocketUpgrade() has not passed");
        }
        int index = head.keyIndex;
        acceptKey.write(head.bytes, head.valueStart[index], head.valueEnd[index] - head.valueStart[index], dst);
    }

    boolean validated() {
        return head.validated;
    }
}
