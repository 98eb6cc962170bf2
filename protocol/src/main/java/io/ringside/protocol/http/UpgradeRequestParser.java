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
    private int pos;
    private int lineStart;
    private int nameEnd = -1;
    private int valueStart = -1;
    private byte kind;
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
        pos = 0;
        lineStart = 0;
        nameEnd = -1;
        valueStart = -1;
        requestLineDone = false;
        complete = false;
        failure = null;
    }

    /** Parses what has arrived; returns the index just past the head, or -1 if incomplete. */
    private int scanLines() {
        if (!requestLineDone && !requestLine()) {
            return -1;
        }
        return headerLines();
    }

    /** Finds and parses the request line (skipping empty lines before it); whether it is done. */
    private boolean requestLine() {
        byte[] bytes = head.bytes;
        int end = head.length;
        for (int i = AsciiScan.indexOfLf(bytes, pos, end); i < end; i = AsciiScan.indexOfLf(bytes, i + 1, end)) {
            int lineEnd = i > lineStart && bytes[i - 1] == Ascii.CR ? i - 1 : i;
            if (lineEnd != lineStart) {
                if (lineEnd - lineStart > limits.maxRequestLineBytes()) {
                    throw requestLineTooLong();
                }
                RequestLine.parse(head, lineStart, lineEnd);
                requestLineDone = true;
                lineStart = i + 1;
                pos = lineStart;
                return true;
            }
            lineStart = i + 1;
        }
        pos = end;
        return false;
    }

    /**
     * Parses header field lines in one pass, resuming where the last read stopped: {@link #pos},
     * {@link #nameEnd} and {@link #valueStart} say how far into the current line it got.
     */
    private int headerLines() {
        byte[] bytes = head.bytes;
        int end = head.length;
        int i = pos;
        while (true) {
            if (nameEnd < 0) {
                if (i == lineStart) {
                    if (i == end) {
                        break;
                    }
                    byte first = bytes[i];
                    if (first == Ascii.CR || first == Ascii.LF) {
                        int blankEnd = blankLineEnd(bytes, i, end);
                        if (blankEnd < 0) {
                            break;
                        }
                        return endOfHead(blankEnd);
                    }
                    startField(first);
                }
                int stop = Ascii.indexOfNonTchar(bytes, i, end);
                if (stop == end) {
                    i = end;
                    break;
                }
                name(bytes, stop);
                i = stop + 1;
            }
            if (valueStart < 0) {
                while (i < end && Ascii.isOws(bytes[i])) {
                    i++;
                }
                if (i == end) {
                    break;
                }
                valueStart = i;
            }
            i = value(bytes, i, end);
            if (nameEnd >= 0) {
                break;
            }
        }
        pos = i;
        return -1;
    }

    /** Checks the byte that ended a header name (its colon) and records the name and its kind. */
    private void name(byte[] bytes, int stop) {
        byte b = bytes[stop];
        if (b != Ascii.COLON) {
            throw badRequest(Ascii.isOws(b) ? "whitespace between header name and colon"
                    : b == Ascii.CR || b == Ascii.LF ? "header field without a colon"
                    : "header name is not a token");
        }
        if (stop == lineStart) {
            throw badRequest("empty header name");
        }
        kind = HeaderNames.classify(bytes, lineStart, stop);
        nameEnd = stop;
    }

    /** At a line start: the index past a blank line, -1 if it may be one but is cut short, else 0. */
    private static int blankLineEnd(byte[] bytes, int i, int end) {
        if (bytes[i] == Ascii.LF) {
            return i + 1;
        }
        if (i + 1 == end) {
            return -1;
        }
        if (bytes[i + 1] == Ascii.LF) {
            return i + 2;
        }
        throw badRequest("bare CR in the header section");
    }

    private void startField(byte first) {
        if (Ascii.isOws(first)) {
            throw badRequest("obsolete line folding (a header line starting with whitespace) is not accepted");
        }
        if (head.headerCount == limits.maxHeaderCount()) {
            throw new HandshakeException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "more than maxHeaderCount=" + limits.maxHeaderCount() + " header fields");
        }
    }

    /**
     * Scans a field value from {@code i}; at its line end records the field and returns the next
     * line's start (with {@link #nameEnd} reset), else returns where to resume.
     */
    private int value(byte[] bytes, int i, int end) {
        for (int at = AsciiScan.indexOfNonPrintable(bytes, i, end); at < end;
                at = AsciiScan.indexOfNonPrintable(bytes, at + 1, end)) {
            byte b = bytes[at];
            if (b == Ascii.CR) {
                if (at + 1 == end) {
                    return at;
                }
                if (bytes[at + 1] == Ascii.LF) {
                    return endField(bytes, at, at + 2);
                }
                throw controlCharacterInValue();
            }
            if (b == Ascii.LF) {
                return endField(bytes, at, at + 1);
            }
            // HTAB and obs-text (0x80-0xFF) may appear in a value; other CTLs and DEL may not (RFC 9110 §5.5).
            if (b != Ascii.HTAB && b >= 0) {
                throw controlCharacterInValue();
            }
        }
        return end;
    }

    private int endField(byte[] bytes, int lineEnd, int next) {
        head.addHeader(lineStart, nameEnd, valueStart, FieldList.trimEnd(bytes, valueStart, lineEnd), kind);
        lineStart = next;
        nameEnd = -1;
        valueStart = -1;
        return next;
    }

    private int endOfHead(int headEnd) {
        if (head.hostCount > 1) {
            throw badRequest("repeated Host header");
        }
        if (head.hostCount == 0 && head.versionMinor >= 1) {
            throw badRequest("missing Host header (required in HTTP/1.1)");
        }
        return headEnd;
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

    private static HandshakeException controlCharacterInValue() {
        return badRequest("control character in the value of a header field");
    }

    private static HandshakeException badRequest(String reason) {
        return new HandshakeException(HttpStatus.BAD_REQUEST, reason);
    }
}
