package io.ringside.engine.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.Error;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.Joined;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.Left;
import io.ringside.protocol.envelope.Pong;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Java-WebSocket server scripted to answer envelopes as a Ringside server would, for the game
 * client's ITs before (and independently of) the real server: join answers Joined (room type
 * {@code full}: Error ROOM_FULL), leave answers Left, ping answers Pong at tick {@link #TICK}, a game
 * message is broadcast to every connection except for type {@link #UNKNOWN_TYPE} (Error) and
 * {@link #CLOSE_TYPE} (close with 4000). It records every join request it sees.
 *
 * <p>Known weakness of the peer, not of the client: Java-WebSocket 1.6.0 answers from worker
 * threads while its selector thread, after draining a connection's queue, resets the interest set
 * to read-only; a reply queued in between waits for the next send (seen about once in 18,000
 * replies under load). Keep exchanges here short; swarms run against the real server.
 */
final class ScriptedGameServer extends WebSocketServer {
    static final int TICK_RATE_HZ = 20;
    static final long TICK = 1_000;
    static final int UNKNOWN_TYPE = 99;
    static final int CLOSE_TYPE = 4000;
    static final int GARBAGE_TYPE = 4001;

    final BlockingQueue<JoinRequest> joins = new LinkedBlockingQueue<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);

    private ScriptedGameServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setConnectionLostTimeout(0);
        setMaxPendingConnections(4096);
        setDaemon(true);
    }

    static ScriptedGameServer startServer() throws InterruptedException {
        ScriptedGameServer server = new ScriptedGameServer();
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("scripted server did not start");
        }
        return server;
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/game");
    }

    void shutdown() throws InterruptedException {
        stop(1000);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // sessions begin with their first join
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        ClientEnvelope envelope;
        try {
            envelope = ClientEnvelope.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
            reply(conn, error(ErrorCode.ERROR_CODE_MALFORMED_MESSAGE, e.getMessage()));
            return;
        }
        switch (envelope.getBodyCase()) {
            case JOIN -> join(conn, envelope.getJoin());
            case LEAVE -> reply(conn, ServerEnvelope.newBuilder().setLeft(Left.newBuilder()
                    .setReason(LeaveReason.LEAVE_REASON_LEFT).setMessage("bye")).build());
            case PING -> reply(conn, ServerEnvelope.newBuilder().setPong(Pong.newBuilder()
                    .setClientTime(envelope.getPing().getClientTime()).setTick(TICK)
                    .setServerTimeMs(System.currentTimeMillis())).build());
            case GAME -> game(conn, envelope.getGame());
            default -> reply(conn, error(ErrorCode.ERROR_CODE_MALFORMED_MESSAGE, "no body"));
        }
    }

    private void join(WebSocket conn, JoinRequest join) {
        joins.add(join);
        if (join.getRoomType().equals("full")) {
            reply(conn, error(ErrorCode.ERROR_CODE_ROOM_FULL, "no seat left"));
            return;
        }
        String roomId = join.getTargetCase() == JoinRequest.TargetCase.ROOM_ID ? join.getRoomId()
                : "room-" + join.getRoomType();
        int session = sessions.incrementAndGet();
        reply(conn, ServerEnvelope.newBuilder().setJoined(Joined.newBuilder().setSessionId("s-" + session)
                .setRoomId(roomId).setRoomType(join.getRoomType()).setTickRateHz(TICK_RATE_HZ)
                .setCurrentTick(TICK).setReconnectToken("seat-" + session)).build());
    }

    private void game(WebSocket conn, GameMessage game) {
        if (game.getType() == UNKNOWN_TYPE) {
            reply(conn, error(ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE_TYPE, "type " + game.getType()));
        } else if (game.getType() == CLOSE_TYPE) {
            conn.close(4000, "scripted");
        } else if (game.getType() == GARBAGE_TYPE) {
            conn.send(new byte[] {0x0A, 0x7F});
        } else {
            byte[] bytes = ServerEnvelope.newBuilder().setGame(game).build().toByteArray();
            for (WebSocket peer : getConnections()) {
                peer.send(bytes);
            }
        }
    }

    private static ServerEnvelope error(ErrorCode code, String message) {
        return ServerEnvelope.newBuilder().setError(Error.newBuilder().setCode(code).setMessage(message)).build();
    }

    private static void reply(WebSocket conn, ServerEnvelope envelope) {
        conn.send(envelope.toByteArray());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send("text is not an envelope");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // the ITs assert on the client side
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // the ITs assert on the client side; server errors show as missing answers there
    }
}
