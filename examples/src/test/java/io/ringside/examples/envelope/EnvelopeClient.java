package io.ringside.examples.envelope;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client speaking the envelope over the JDK's WebSocket on {@code /ws}: send envelopes, await
 * the ones wanted. Shared by the lobby's and the arena's tests.
 */
public final class EnvelopeClient implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<ServerEnvelope> received = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private WebSocket socket;

    public static EnvelopeClient connect(HttpClient http, int port) {
        EnvelopeClient client = new EnvelopeClient();
        client.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client).join();
        return client;
    }

    public synchronized void send(ClientEnvelope envelope) {
        socket.sendBinary(ByteBuffer.wrap(envelope.toByteArray()), true).join();
    }

    public void join(JoinRequest.Builder join) {
        send(ClientEnvelope.newBuilder().setJoin(join).build());
    }

    public void sendGame(int type, MessageLite message) {
        send(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder()
                .setType(type).setPayload(message.toByteString())).build());
    }

    /** The next envelope matching {@code wanted}, skipping the others; fails after five seconds. */
    public ServerEnvelope next(Predicate<ServerEnvelope> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            ServerEnvelope envelope = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (envelope == null) {
                throw new AssertionError("no wanted envelope within 5 s");
            }
            if (wanted.test(envelope)) {
                return envelope;
            }
        }
    }

    public ServerEnvelope next(ServerEnvelope.BodyCase body) throws InterruptedException {
        return next(envelope -> envelope.getBodyCase() == body);
    }

    /** The next game message of {@code type}. */
    public GameMessage nextGame(int type) throws InterruptedException {
        return next(e -> e.getBodyCase() == ServerEnvelope.BodyCase.GAME && e.getGame().getType() == type).getGame();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.writeBytes(chunk);
        if (last) {
            try {
                received.add(ServerEnvelope.parseFrom(partial.toByteArray()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
            partial.reset();
        }
        webSocket.request(1);
        return null;
    }

    /** Drops the connection without a leave (the server sees a disconnect). */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }
}
