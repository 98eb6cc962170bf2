/**
 * Non-blocking WebSocket transport (RFC 6455 over {@code java.nio}): the server entry point
 * {@link io.ringside.engine.transport.WebSocketServer}, the application callbacks
 * {@link io.ringside.engine.transport.WebSocketHandler} and the per-connection handle
 * {@link io.ringside.engine.transport.Connection}, plus plain-HTTP hooks on the same port.
 *
 * <p>Threads: one acceptor thread deals accepted sockets round-robin to N I/O loops. Each loop is a
 * selector thread that owns its connections for life and alone touches their sockets, buffers and
 * state; handler callbacks run on it. Other threads (a tick loop) reach a connection through its
 * loop's bounded lock-free command ring of reusable slots (no allocation per send), which wakes the
 * loop at most once per batch. A loop may pause after a wake-up that found sockets ready, for a
 * fixed time ({@code WebSocketServer.Builder.readCoalesceUs}) or until shortly before the next tick
 * ({@code readBeforeTickUs}), both off by default, so that many clients' messages are read in one
 * wake-up; commands end the pause.
 *
 * <p>Inbound: one read buffer per loop; each connection's {@code MessageDecoder} decodes in place and
 * hands whole messages to the handler as views valid during the callback (no copy). Outbound: frames
 * are encoded once; a broadcast is one pooled, reference-counted
 * {@link io.ringside.engine.transport.SharedFrame} that every recipient's queue refers to, released
 * to its {@link io.ringside.engine.transport.FramePool} when the last connection has written it.
 * Each write copies several queued frames into the loop's direct staging buffer and hands it to one
 * system call; OP_WRITE is set only while a backlog remains.
 */
package io.ringside.engine.transport;
