package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.ListRoomsRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client speaking the envelope over the JDK's WebSocket client; collects what the server sends. */
final class GameClient implements WebSocket.Listener, AutoCloseable {
    private static final long WAIT_SECONDS = 10;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<ServerEnvelope> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final WebSocket socket;

    private GameClient(int port, String path) {
        this(HTTP, URI.create("ws://127.0.0.1:" + port + path));
    }

    private GameClient(HttpClient http, URI uri) {
        this.socket = http.newWebSocketBuilder().buildAsync(uri, this).join();
    }

    static GameClient connect(int port) {
        return new GameClient(port, RingsideServer.DEFAULT_ENDPOINT_PATH);
    }

    /** Connects to {@code pathAndQuery}, e.g. {@code "/ws?token=abc"}. */
    static GameClient connect(int port, String pathAndQuery) {
        return new GameClient(port, pathAndQuery);
    }

    /** Connects to {@code uri} (ws:// or wss://) through {@code http} (its TLS context, say). */
    static GameClient connect(HttpClient http, URI uri) {
        return new GameClient(http, uri);
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        pongs.add(bytes);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        partial.writeBytes(bytes);
        if (last) {
            try {
                received.add(ServerEnvelope.parseFrom(partial.toByteArray()));
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("server sent a malformed envelope", e);
            }
            partial.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    void send(ClientEnvelope envelope) {
        sendRaw(envelope.toByteArray());
    }

    void sendRaw(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends a WebSocket ping (a control frame the server's I/O loop answers itself). */
    void sendPing(byte[] payload) {
        socket.sendPing(ByteBuffer.wrap(payload)).join();
    }

    /** Starts the closing handshake with {@code code}. */
    void sendClose(int code) {
        socket.sendClose(code, "").join();
    }

    /** The payload of the next pong; fails after a generous wait. */
    byte[] nextPong() throws InterruptedException {
        byte[] pong = pongs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(pong).as("a pong from the server").isNotNull();
        return pong;
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    void join(String roomType) {
        join(JoinRequest.newBuilder().setRoomType(roomType).build());
    }

    void join(JoinRequest request) {
        send(ClientEnvelope.newBuilder().setJoin(request).build());
    }

    void joinWith(String roomType, Map<String, String> options, String token) {
        join(JoinRequest.newBuilder().setRoomType(roomType).putAllOptions(options).setAuthToken(token).build());
    }

    void leave() {
        send(ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());
    }

    void listRooms(String roomType) {
        send(ClientEnvelope.newBuilder().setListRooms(ListRoomsRequest.newBuilder().setRoomType(roomType)).build());
    }

    void game(int type, MessageLite message) {
        send(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type)
                .setPayload(message.toByteString())).build());
    }

    /** Joins {@code roomType} and returns the session id from Joined. */
    String expectJoinedSession(String roomType) throws InterruptedException {
        join(roomType);
        return expect(ServerEnvelope.BodyCase.JOINED).getJoined().getSessionId();
    }

    /** The next envelope; fails after a generous wait. */
    ServerEnvelope next() throws InterruptedException {
        ServerEnvelope envelope = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(envelope).as("an envelope from the server").isNotNull();
        return envelope;
    }

    /** The next envelope, which must have body {@code body}. */
    ServerEnvelope expect(ServerEnvelope.BodyCase body) throws InterruptedException {
        ServerEnvelope envelope = next();
        assertThat(envelope.getBodyCase()).as(envelope.toString()).isEqualTo(body);
        return envelope;
    }

    /** The close code the server sent (or 1006); waits for it. */
    int closeCode() throws Exception {
        return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    boolean nothingReceived() {
        return received.isEmpty();
    }

    /** Drops the TCP connection without a closing handshake. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        abort();
    }
}
