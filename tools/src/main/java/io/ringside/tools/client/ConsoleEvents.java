package io.ringside.tools.client;

import io.ringside.protocol.websocket.Opcode;
import io.ringside.tools.render.PayloadRenderer;
import java.io.PrintWriter;
import java.nio.ByteBuffer;

/**
 * Prints what arrives ({@code <<} lines) and lets the sending thread wait for replies in script mode.
 *
 * <p>Called by the reader thread; {@link #awaitReplies} by the command's thread.
 */
final class ConsoleEvents implements SessionEvents {
    private final PrintWriter out;
    private final PayloadRenderer renderer;
    private final boolean envelope;
    private long replies;
    private boolean finished;
    private boolean failed;

    ConsoleEvents(PrintWriter out, int maxShownBytes, boolean envelope) {
        this.out = out;
        this.renderer = new PayloadRenderer(maxShownBytes);
        this.envelope = envelope;
    }

    /** Prints a line, serialized with the reader thread's lines. */
    void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void received(int opcode, byte[] payload) {
        String shown = opcode == Opcode.BINARY && envelope
                ? PayloadRenderer.envelope(PayloadRenderer.Envelope.SERVER, ByteBuffer.wrap(payload), 0, payload.length)
                : renderer.render(opcode, payload, payload.length, payload.length);
        print("<< " + Opcode.name(opcode) + " " + shown + (opcode == Opcode.PING ? " (pong sent)" : ""));
        synchronized (this) {
            replies++;
            notifyAll();
        }
    }

    @Override
    public void ended(String why) {
        print("!! " + why);
        synchronized (this) {
            failed = true;
        }
    }

    @Override
    public synchronized void finished() {
        finished = true;
        notifyAll();
    }

    /** Replies received so far. */
    synchronized long replies() {
        return replies;
    }

    /** Whether the connection ended by an error or violation rather than a close handshake. */
    synchronized boolean failed() {
        return failed;
    }

    /**
     * Waits until more than {@code seen} replies arrived, the connection finished, or {@code timeoutMs} passed.
     *
     * @return whether a reply arrived
     */
    synchronized boolean awaitReplies(long seen, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (replies <= seen && !finished) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / 1_000_000 + 1);
        }
        return replies > seen;
    }

    /** Waits until the reader thread finished or {@code timeoutMs} passed; returns whether it finished. */
    synchronized boolean awaitFinished(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!finished) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(left / 1_000_000 + 1);
        }
        return true;
    }
}
