package io.ringside.engine.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One open WebSocket connection, as seen by application code.
 *
 * <p>Every method may be called from any thread. Calls from the connection's own I/O loop (inside a
 * {@link WebSocketHandler} callback) take effect at once; calls from other threads are handed to that
 * loop through its bounded command queue, which is woken at most once per batch. Sends copy or frame
 * the payload before they return, so the caller may reuse its buffer. A send returns {@code false}
 * when the connection is no longer open or the loop's command queue is full (overload): the message
 * was not queued and the caller decides what to do.
 */
public interface Connection {
    /** A server-unique id, assigned at accept time. */
    long id();

    /** The endpoint path the connection was upgraded on, e.g. {@code "/arena"}. */
    String path();

    /** The negotiated subprotocol (RFC 6455 §1.9), or {@code null} when none was agreed. */
    String subprotocol();

    /**
     * The extensions agreed in the handshake, as the server's {@code Sec-WebSocket-Extensions} answer
     * (e.g. {@code "permessage-deflate; server_no_context_takeover; client_no_context_takeover"}), or
     * {@code null} when none. Compression is applied by the transport: sends take uncompressed bytes.
     */
    default String extensions() {
        return null;
    }

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /**
     * What the server's {@link AuthHandler} accepted this connection as (set before it opened), or
     * {@code null} when the server has no auth handler.
     */
    default Object identity() {
        return null;
    }

    /**
     * The last round-trip time measured on this connection by the transport's RTT probes (a ping
     * carrying its send time, answered by the peer's pong), in nanoseconds; -1 before the first
     * answer or with probes off ({@link WebSocketServer.Builder#rttProbeIntervalMs}). Any thread.
     */
    default long rttNs() {
        return -1;
    }

    /**
     * Charges {@code bytes} that the application holds for this connection outside the transport (a
     * message waiting for room in a ring, a join request kept for a seat) to the server's memory
     * budget, or credits them back when negative. While the connection is open they count toward what
     * it holds when the server sheds to bring the budget back; they also count toward its remote
     * address' share ({@link WebSocketServer.Builder#maxBytesPerAddress}), until credited even after
     * the connection closed, and a charge that takes the address over its share closes the connection
     * with 1008. Credit what was charged to the same connection, also after it closed. Any thread
     * (cheapest on the connection's own I/O thread). The default, for connections outside the server's
     * transport, does nothing.
     */
    default void chargeHeld(long bytes) {
    }

    /** Whether the connection is open: upgraded and no close frame sent or received yet. */
    boolean isOpen();

    /** Sends {@code text} as one text message; encodes it as UTF-8 (allocates). */
    boolean sendText(String text);

    /** Sends bytes {@code [offset, offset + length)} of {@code utf8}, which must be valid UTF-8, as a text message. */
    boolean sendText(ByteBuffer utf8, int offset, int length);

    /** Sends bytes {@code [offset, offset + length)} of {@code payload} as one binary message. */
    boolean sendBinary(ByteBuffer payload, int offset, int length);

    /**
     * Sends a frame that is already encoded, typically one made once by
     * {@link io.ringside.protocol.websocket.FrameEncoder#serverFrame} and shared by many connections.
     * The bytes are never copied: each connection writes them through its own {@code duplicate()},
     * so the buffer's content must not change afterwards.
     */
    boolean sendFrame(ByteBuffer frame);

    /**
     * Sends a shared, already encoded frame like {@link #sendFrame}, as latest-only (a state snapshot):
     * if an earlier latest-only frame of this connection is still queued and not started, it is dropped
     * and this one takes its turn, so a connection that is backed up holds at most one unsent snapshot
     * instead of a pile. Frames sent otherwise are never dropped or reordered among themselves.
     */
    default boolean sendLatest(ByteBuffer frame) {
        return sendFrame(frame);
    }

    /**
     * Sends a pooled, reference-counted frame (see {@link SharedFrame}) without copying it or
     * allocating: the connection takes over one of the caller's references, whatever the outcome, and
     * its I/O loop releases it once the frame is written or dropped. This is how one frame reaches
     * many connections at no cost per recipient beyond a queue entry.
     *
     * <p>The default, for connections outside the server's transport, sends a copy and releases.
     */
    default boolean sendFrame(SharedFrame frame) {
        try {
            return sendFrame(copyOf(frame));
        } finally {
            frame.release();
        }
    }

    /** {@link #sendFrame(SharedFrame)} as latest-only, with the rules of {@link #sendLatest(ByteBuffer)}. */
    default boolean sendLatest(SharedFrame frame) {
        try {
            return sendLatest(copyOf(frame));
        } finally {
            frame.release();
        }
    }

    private static ByteBuffer copyOf(SharedFrame frame) {
        ByteBuffer copy = ByteBuffer.allocate(frame.length());
        return copy.put(0, frame.buffer(), 0, frame.length());
    }

    /** Sends a ping with bytes {@code [offset, offset + length)} of {@code payload} (0-125 bytes, §5.5.2). */
    boolean ping(ByteBuffer payload, int offset, int length);

    /**
     * Starts the closing handshake (§7.1.2) with {@code code} and a {@code reason} of at most 123 UTF-8
     * bytes; the socket is closed when the peer answers or the close timeout passes. No-op if not open.
     */
    void close(int code, String reason);

    /**
     * Stops reading from the socket (inbound backpressure): the kernel buffers fill and TCP flow
     * control slows the peer down. Messages already read (at most one read buffer) are still delivered.
     */
    void pauseReading();

    /** Resumes reading after {@link #pauseReading()}. */
    void resumeReading();

    /** Attaches an application object (e.g. the player session) to this connection. */
    void attach(Object attachment);

    /** The object given to {@link #attach}, or {@code null}. */
    Object attachment();
}
