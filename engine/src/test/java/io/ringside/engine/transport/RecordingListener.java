package io.ringside.engine.transport;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WebSocket.Listener} that reassembles messages and records everything it receives: text
 * messages as {@code String}, binary ones as {@code byte[]}, pongs as {@link Pong}. Shared with other
 * modules' tests through the engine's test jar.
 */
public final class RecordingListener implements WebSocket.Listener {
    /** A received close: status and reason. */
    public record Close(int code, String reason) {
    }

    /** A received pong. */
    public record Pong(byte[] payload) {
    }

    /** Messages and pongs in arrival order. */
    public final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    /** Completes with the close received, or exceptionally with the error. */
    public final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            events.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        if (last) {
            events.add(binary.toByteArray());
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        events.add(new Pong(bytes));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The next message or pong, waiting up to 10 s; {@link AssertionError} if none comes. */
    public Object next() throws InterruptedException {
        Object event = events.poll(10, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no message within 10 s");
        }
        return event;
    }
}
