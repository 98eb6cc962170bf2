package io.ringside.tools.client;

/**
 * What a {@link BlockingSession}'s reader thread reports.
 */
interface SessionEvents {
    /** A message or control frame arrived; a close's payload is its body (code and reason). */
    void received(int opcode, byte[] payload);

    /** The connection ended other than by a clean close handshake; {@code why} says how. */
    void ended(String why);

    /** The reader thread is done: the socket is closed. */
    void finished();
}
