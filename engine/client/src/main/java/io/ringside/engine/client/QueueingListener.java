package io.ringside.engine.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A listener that copies every event into an unbounded queue for another thread to take: a
 * synchronous convenience for tests and tools, not for load (it allocates per message).
 */
public final class QueueingListener implements ClientListener {
    /** What happened. */
    public enum Kind {
        /** {@link ClientListener#onOpen}. */
        OPEN,
        /** {@link ClientListener#onText}: {@link Event#text()}. */
        TEXT,
        /** {@link ClientListener#onBinary}: {@link Event#data()}. */
        BINARY,
        /** {@link ClientListener#onPong}: {@link Event#data()}. */
        PONG,
        /** {@link ClientListener#onClose}: {@link Event#code()}, {@link Event#reason()}, {@link Event#remote()}. */
        CLOSE,
        /** {@link ClientListener#onError}: {@link Event#error()}. */
        ERROR
    }

    /** One event; fields that do not apply to its kind are empty, 0 or null. */
    public record Event(Kind kind, String text, byte[] data, int code, String reason, boolean remote,
                        Throwable error) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    /** Waits up to {@code timeout} for the next event; {@code null} if none came. */
    public Event poll(long timeout, TimeUnit unit) throws InterruptedException {
        return events.poll(timeout, unit);
    }

    /** The queue itself, e.g. to drain or count events. */
    public BlockingQueue<Event> events() {
        return events;
    }

    @Override
    public void onOpen(ClientConnection connection) {
        events.add(new Event(Kind.OPEN, "", null, 0, "", false, null));
    }

    @Override
    public void onText(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
        String text = new String(copy(buffer, offset, length), StandardCharsets.UTF_8);
        events.add(new Event(Kind.TEXT, text, null, 0, "", false, null));
    }

    @Override
    public void onBinary(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
        events.add(new Event(Kind.BINARY, "", copy(buffer, offset, length), 0, "", false, null));
    }

    @Override
    public void onPong(ClientConnection connection, ByteBuffer buffer, int offset, int length) {
        events.add(new Event(Kind.PONG, "", copy(buffer, offset, length), 0, "", false, null));
    }

    @Override
    public void onClose(ClientConnection connection, int code, String reason, boolean remote) {
        events.add(new Event(Kind.CLOSE, "", null, code, reason, remote, null));
    }

    @Override
    public void onError(ClientConnection connection, Throwable error) {
        events.add(new Event(Kind.ERROR, "", null, 0, "", false, error));
    }

    private static byte[] copy(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return bytes;
    }
}
