package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the payload of compressed messages (RFC 7692 §7.2.2) into a {@link PayloadBuffer}, never
 * past its maximum: a message that would inflate further fails with 1009 before a byte beyond the
 * limit is allocated, and inflated text is checked for UTF-8 as it comes out (1007 at the first bad
 * byte). Corrupt deflate data fails with 1007.
 *
 * <p>One per connection, used by its decoding thread. With the peer's context taken over the
 * inflater is the connection's for life; without, it is borrowed from an {@link InflaterPool} for
 * one message and given back at its end.
 */
final class MessageInflater {
    /** The bytes a sender strips from each message's end (§7.2.1) and a receiver appends (§7.2.2). */
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private static final int MIN_RESERVE_BYTES = 1024;
    private static final int EXPECTED_RATIO = 8;

    private final InflaterPool pool;
    private final boolean contextTakeover;
    private final byte[] probe = new byte[1];
    private Inflater inflater;
    private ByteBuffer source;
    private ByteBuffer sourceView;
    /** Whether the current message's tail went in with its last bytes, or is not needed ({@link #inflateLast}). */
    private boolean tailFed;
    /** Whether bytes of the current message went in: only then can its stream have ended already. */
    private boolean midMessage;

    MessageInflater(InflaterPool pool, boolean contextTakeover) {
        this.pool = pool;
        this.contextTakeover = contextTakeover;
    }

    /** Inflates unmasked bytes {@code [offset, offset + length)} of {@code src}, appending to {@code out}. */
    void inflate(ByteBuffer src, int offset, int length, PayloadBuffer out, Utf8Validator utf8) {
        Inflater in = prepare(length, out);
        if (in == null) {
            return;
        }
        setInput(in, src, offset, length);
        drain(in, out, utf8);
    }

    /**
     * {@link #inflate} for the last bytes of a message. The stripped tail (§7.2.2) is an empty stored
     * block's length fields: zlib has put out every byte before it without them, so when the context
     * is dropped after the message the tail is not fed at all. When the peer keeps its context the
     * next message continues the stream after that block, so the tail goes in, appended in the
     * pool's scratch array when the bytes fit (zlib then runs once on the message and its tail
     * instead of twice). Either way {@link #finish} has no tail left to inflate.
     */
    void inflateLast(ByteBuffer src, int offset, int length, PayloadBuffer out, Utf8Validator utf8) {
        byte[] scratch = contextTakeover ? pool.scratch(length + TAIL.length) : null;
        if (scratch == null) {
            tailFed = !contextTakeover;
            inflate(src, offset, length, out, utf8);
            return;
        }
        Inflater in = prepare(length, out);
        if (in == null) {
            return;
        }
        src.get(offset, scratch, 0, length);
        System.arraycopy(TAIL, 0, scratch, length, TAIL.length);
        in.setInput(scratch, 0, length + TAIL.length);
        tailFed = true;
        drain(in, out, utf8);
    }

    /**
     * The inflater for the message's next bytes, with room reserved in {@code out}; {@code null} when
     * its stream has already ended: bytes after a final block are ignored (RFC 7692 §7.2.3.4 shows a
     * padding byte there). A message starts on a stream that has not ended ({@link #finish}).
     */
    private Inflater prepare(int length, PayloadBuffer out) {
        Inflater in = inflater();
        if (midMessage && in.finished()) {
            return null;
        }
        midMessage = true;
        if (out.length() == 0) {
            out.adopt(pool.acquireBuffer());
        }
        // room for a typical ratio up front (zlib decodes slowly into small windows), but no more than
        // the pool lends again: a bigger array would be allocated and dropped for every message
        out.reserve((int) Math.min(InflaterPool.MAX_LENT_BUFFER_BYTES,
                Math.max(MIN_RESERVE_BYTES, (long) length * EXPECTED_RATIO)));
        return in;
    }

    private void setInput(Inflater in, ByteBuffer src, int offset, int length) {
        if (src.hasArray()) {
            in.setInput(src.array(), src.arrayOffset() + offset, length);
        } else {
            if (source != src) {
                source = src;
                sourceView = src.duplicate();
            }
            in.setInput(sourceView.clear().position(offset).limit(offset + length));
        }
    }

    /** Ends the message: inflates the stripped tail (§7.2.2) and resets or returns the context. */
    void finish(PayloadBuffer out, Utf8Validator utf8) {
        Inflater in = inflater();
        if (!tailFed && !in.finished()) {
            in.setInput(TAIL);
            drain(in, out, utf8);
        }
        tailFed = false;
        midMessage = false;
        if (!contextTakeover) {
            release();
        } else if (in.finished()) {
            // a final block ends the peer's stream: its next message starts a new one
            in.reset();
        }
    }

    /** Gives back the array a delivered message was inflated into. */
    void recycle(PayloadBuffer out) {
        pool.releaseBuffer(out.surrender());
    }

    /** Returns a borrowed inflater, or ends the connection's own one: the connection is done or between messages. */
    void release() {
        Inflater in = inflater;
        inflater = null;
        tailFed = false;
        midMessage = false;
        source = null;
        sourceView = null;
        if (in != null) {
            pool.release(in);
        }
    }

    private Inflater inflater() {
        if (inflater == null) {
            inflater = pool.acquire();
        }
        return inflater;
    }

    private void drain(Inflater in, PayloadBuffer out, Utf8Validator utf8) {
        try {
            while (true) {
                if (out.free() == 0 && out.grow() == 0) {
                    if (in.inflate(probe) > 0) {
                        throw violation(CloseCode.MESSAGE_TOO_BIG,
                                "message inflates to over " + out.maxBytes() + " bytes");
                    }
                    return;
                }
                int start = out.length();
                int free = out.free();
                int n = in.inflate(out.array(), start, free);
                out.added(n);
                if (utf8 != null && n > 0 && !utf8.update(out.buffer(), start, n)) {
                    throw violation(CloseCode.INVALID_PAYLOAD, "invalid UTF-8 in text message");
                }
                // room left over: zlib stopped for want of input or at the end of the stream (it
                // returns early for nothing else), so another call would only return 0; no need to
                // ask the Inflater which (each query takes its lock)
                if (n < free) {
                    if (n == 0 && in.needsDictionary()) {
                        throw violation(CloseCode.INVALID_PAYLOAD, "deflate data asks for a preset dictionary");
                    }
                    return;
                }
            }
        } catch (DataFormatException e) {
            throw violation(CloseCode.INVALID_PAYLOAD, "invalid deflate data: " + e.getMessage());
        }
    }

    private static WebSocketProtocolException violation(int closeCode, String reason) {
        return new WebSocketProtocolException(closeCode, reason);
    }
}
