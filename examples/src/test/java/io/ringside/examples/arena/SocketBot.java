package io.ringside.examples.arena;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.examples.arena.wire.Input;
import io.ringside.examples.arena.wire.PlayerState;
import io.ringside.examples.arena.wire.Snapshot;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bot over a real socket, with the JDK's WebSocket client and the envelope by hand: joins the arena,
 * answers every snapshot with one input (wander and fire), and records what it got.
 */
final class SocketBot implements WebSocket.Listener {
    final CountDownLatch joined = new CountDownLatch(1);
    final AtomicInteger snapshots = new AtomicInteger();
    final AtomicInteger ackedSeq = new AtomicInteger();
    final AtomicInteger playersSeen = new AtomicInteger();
    final List<String> errors = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private CompletableFuture<WebSocket> sending;
    private volatile String selfId;
    private int seq;

    static SocketBot connect(HttpClient http, int port) {
        SocketBot bot = new SocketBot();
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), bot).join();
        bot.sending = CompletableFuture.completedFuture(socket);
        bot.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder()
                .setRoomType(ArenaServer.ROOM_TYPE).putOptions("name", "sock")).build());
        return bot;
    }

    private synchronized void send(ClientEnvelope envelope) {
        ByteBuffer bytes = ByteBuffer.wrap(envelope.toByteArray());
        sending = sending.thenCompose(ws -> ws.sendBinary(bytes, true));
    }

    void close() {
        sending.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done")).join();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.writeBytes(chunk);
        if (last) {
            try {
                receive(ServerEnvelope.parseFrom(partial.toByteArray()));
            } catch (InvalidProtocolBufferException e) {
                errors.add("unparsable envelope: " + e.getMessage());
            }
            partial.reset();
        }
        webSocket.request(1);
        return null;
    }

    private void receive(ServerEnvelope envelope) throws InvalidProtocolBufferException {
        switch (envelope.getBodyCase()) {
            case JOINED -> {
                selfId = envelope.getJoined().getSessionId();
                joined.countDown();
            }
            case GAME -> {
                GameMessage game = envelope.getGame();
                if (game.getType() == ArenaMessages.SNAPSHOT) {
                    onSnapshot(Snapshot.parseFrom(game.getPayload()));
                }
            }
            case ERROR -> errors.add("error " + envelope.getError());
            case LEFT -> errors.add("left " + envelope.getLeft());
            default -> {
            }
        }
    }

    private void onSnapshot(Snapshot snapshot) {
        snapshots.incrementAndGet();
        playersSeen.set(snapshot.getPlayersCount());
        for (PlayerState player : snapshot.getPlayersList()) {
            if (player.getId().equals(selfId)) {
                ackedSeq.set(player.getLastInputSeq());
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Input input = Input.newBuilder().setSeq(++seq)
                .setMoveX(random.nextFloat() * 2 - 1).setMoveY(random.nextFloat() * 2 - 1)
                .setAim(random.nextFloat() * 6.28f).setFire(random.nextInt(4) == 0).build();
        send(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder()
                .setType(ArenaMessages.INPUT).setPayload(input.toByteString())).build());
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (statusCode != WebSocket.NORMAL_CLOSURE) {
            errors.add("closed " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        errors.add("socket error " + error);
    }
}
