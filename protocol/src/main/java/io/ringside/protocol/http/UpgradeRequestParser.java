package io.ringside.protocol.http;

import java.nio.ByteBuffer;

/**
 * Incremental parser of an HTTP/1.1 request head (request line and header fields, RFC 9112),
 * fed straight from socket reads that may split it at any byte.
 *
 * <p>The head's bytes are copied into an array of {@link HandshakeLimits#maxHeadBytes()} allocated
 * once, and the header fields are indexed by offsets: parsing allocates nothing and builds no
 * {@code String}. Lines may end in CRLF or, as RFC 9112 §2.2 allows a recipient to accept, a bare
 * LF; a bare CR elsewhere, obs-fold (a line starting with whitespace), whitespace before a colon and
 * a header name that is not a token are refused with 400 (RFC 9112 §5.1, §5.2). Empty lines before
 * the request line are ignored (§2.2). A second Host, or no Host in an HTTP/1.1 request, is a 400
 * (§3.2).
 *
 * <p>One per connection during its handshake, used by the connection's I/O thread only;
 * {@link #reset()} makes it reusable. After a {@link HandshakeException} the parser stays failed
 * and rethrows it until reset.
 */
public final class UpgradeRequestParser {
    private final HandshakeLimits limits;
    private final RequestHead head;
    private final UpgradeRequest request;
    private int scanPos;
    private int lineStart;
    private boolean requestLineDone;
    private boolean complete;
    private HandshakeException failure;

    /** A parser within {@code limits}; allocates its head buffer and header index now. */
    public UpgradeRequestParser(HandshakeLimits limits) {
        this.limits = limits;
        this.head = new RequestHead(limits);
        this.request = new UpgradeRequest(head, new AcceptKey());
    }

    /**
     * Consumes bytes of {@code src} up to the end of the request head.
     *
     * @return {@code true} once the head is complete: {@code src}'s position is then just past the
     *         blank line (later bytes belong to the next protocol); {@code false} if more bytes are
     *         needed ({@code src} fully consumed)
     * @throws HandshakeException 400 for a malformed head, 414 for a too-long request line, 431 for
     *                            too many or too large header fields
     */
    public boolean parse(ByteBuffer src) {
        if (failure != null) {
            throw failure;
        }
        if (complete) {
            return true;
        }
        int before = head.length;
        int srcStart = src.position();
        int count = Math.min(src.remaining(), head.bytes.length - before);
        src.get(head.bytes, before, count);
        head.length = before + count;
        try {
            int headEnd = scanLines();
            if (headEnd >= 0) {
                src.position(srcStart + headEnd - before);
                head.length = headEnd;
                complete = true;
                return true;
            }
            checkIncomplete();
            return false;
        } catch (HandshakeException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * The parsed request; valid after {@link #parse} returned {@code true} and until {@link #reset()}.
     *
     * @throws IllegalStateException before the head is complete
     */
    public UpgradeRequest request() {
        if (!complete) {
            throw new IllegalStateException("the request head is not complete");
        }
        return request;
    }

    /** Forgets the current request so the parser can take another; O(1), keeps its buffers. */
    public void reset() {
        head.reset();
        scanPos = 0;
        lineStart = 0;
        requestLineDone = false;
        complete = false;
        failure = null;
    }

    /** Finds and handles complete lines; returns the index just past the head, or -1 if incomplete. */
    private int scanLines() {
        byte[] bytes = head.bytes;
        int end = head.length;
        for (int i = scanPos; i < end; i++) {
            if (bytes[i] == Ascii.LF) {
                int lineEnd = i > lineStart && bytes[i - 1] == Ascii.CR ? i - 1 : i;
                boolean last = line(lineStart, lineEnd);
                lineStart = i + 1;
                if (last) {
                    scanPos = lineStart;
                    return lineStart;
                }
            }
        }
        scanPos = end;
        return -1;
    }

    /** Handles one line without its ending; returns whether it was the blank line ending the head. */
    private boolean line(int start, int end) {
        if (!requestLineDone) {
            if (start != end) {
                if (end - start > limits.maxRequestLineBytes()) {
                    throw requestLineTooLong();
                }
                RequestLine.parse(head, start, end);
                requestLineDone = true;
            }
            return false;
        }
        if (start == end) {
            endOfHead();
            return true;
        }
        headerLine(start, end);
        return false;
    }

    private void headerLine(int start, int end) {
        if (head.headerCount == limits.maxHeaderCount()) {
            throw new HandshakeException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "more than maxHeaderCount=" + limits.maxHeaderCount() + " header fields");
        }
        byte[] bytes = head.bytes;
        if (Ascii.isOws(bytes[start])) {
            throw badRequest("obsolete line folding (a header line starting with whitespace) is not accepted");
        }
        int i = start;
        while (i < end && Ascii.isTchar(bytes[i])) {
            i++;
        }
        if (i == end) {
            throw badRequest("header field without a colon");
        }
        if (bytes[i] != Ascii.COLON) {
            throw badRequest(Ascii.isOws(bytes[i])
                    ? "whitespace between header name and colon"
                    : "header name is not a token");
        }
        if (i == start) {
            throw badRequest("empty header name");
        }
        int nameEnd = i++;
        while (i < end && Ascii.isOws(bytes[i])) {
            i++;
        }
        int valueStart = i;
        for (; i < end; i++) {
            if (!Ascii.isFieldChar(bytes[i])) {
                throw badRequest("control character in the value of a header field");
            }
        }
        head.addHeader(start, nameEnd, valueStart, FieldList.trimEnd(bytes, valueStart, end));
    }

    private void endOfHead() {
        if (head.hostCount > 1) {
            throw badRequest("repeated Host header");
        }
        if (head.hostCount == 0 && head.versionMinor >= 1) {
            throw badRequest("missing Host header (required in HTTP/1.1)");
        }
    }

    private void checkIncomplete() {
        if (!requestLineDone) {
            int end = head.length;
            int lineEnd = end > lineStart && head.bytes[end - 1] == Ascii.CR ? end - 1 : end;
            if (lineEnd - lineStart > limits.maxRequestLineBytes()) {
                throw requestLineTooLong();
            }
        }
        if (head.length == head.bytes.length) {
            throw new HandshakeException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "request head larger than maxHeadBytes=" + limits.maxHeadBytes());
        }
    }

    private HandshakeException requestLineTooLong() {
        return new HandshakeException(HttpStatus.URI_TOO_LONG,
                "request line longer than maxRequestLineBytes=" + limits.maxRequestLineBytes());
    }

    private static HandshakeException badRequest(String reason) {
        return new HandshakeException(HttpStatus.BAD_REQUEST, reason);
    }
}
