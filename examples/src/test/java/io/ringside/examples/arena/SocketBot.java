package io.ringside.examples.arena;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.StateMirror;
import io.ringside.examples.arena.wire.Fighter;
import io.ringside.examples.arena.wire.Input;
import io.ringside.examples.arena.wire.Projectile;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.StatePatch;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot over a real socket, with the JDK's WebSocket client and the envelope by hand: joins the arena,
 * applies every state patch to its own {@link StateMirror}, answers each with one input (runs in one
 * direction for a second at a time, turns its aim steadily, fires now and then, as a person would),
 * and records what it got: patches, payload bytes, records bytes, its ack.
 */
final class SocketBot implements WebSocket.Listener {
    final CountDownLatch joined = new CountDownLatch(1);
    final AtomicInteger patches = new AtomicInteger();
    /** WebSocket payload bytes received (every message, not only patches). */
    final AtomicLong payloadBytes = new AtomicLong();
    /** The same bytes by part (framing, record headers, each field, other messages). */
    final PatchBytes breakdown = new PatchBytes();
    final AtomicInteger ackedSeq = new AtomicInteger();
    final AtomicInteger playersSeen = new AtomicInteger();
    final List<String> errors = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private CompletableFuture<WebSocket> sending;
    private final StateMirror mirror = new StateMirror()
            .register(Fighter.getDefaultInstance()).register(Projectile.getDefaultInstance());
    private volatile String selfId;
    private int seq;
    private float moveX;
    private float moveY;
    private float aim;
    private int ticksLeft;

    private boolean idle;

    static SocketBot connect(HttpClient http, int port) {
        return connect(http, port, false);
    }

    /** A bot that, when {@code idle}, only watches: it sends no input after joining. */
    static SocketBot connect(HttpClient http, int port, boolean idle) {
        SocketBot bot = new SocketBot();
        bot.idle = idle;
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
            payloadBytes.addAndGet(partial.size());
            breakdown.count(partial.toByteArray());
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

    private void receive(ServerEnvelope envelope) {
        switch (envelope.getBodyCase()) {
            case JOINED -> {
                selfId = envelope.getJoined().getSessionId();
                joined.countDown();
            }
            case STATE -> onPatch(envelope.getState());
            case ERROR -> errors.add("error " + envelope.getError());
            case LEFT -> errors.add("left " + envelope.getLeft());
            default -> {
            }
        }
    }

    private void onPatch(StatePatch patch) {
        try {
            mirror.apply(patch);
        } catch (IllegalStateException e) {
            errors.add("patch does not fit the mirror: " + e.getMessage());
            return;
        }
        patches.incrementAndGet();
        Map<Integer, MirrorEntity> fighters = mirror.entitiesOf(Fighter.getDescriptor().getFullName());
        playersSeen.set(fighters.size());
        ackedSeq.set(mirror.inputAck());
        if (idle) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (--ticksLeft <= 0) {
            double angle = random.nextDouble() * Math.PI * 2;
            moveX = (float) Math.cos(angle);
            moveY = (float) Math.sin(angle);
            ticksLeft = 30;
        }
        aim += 0.05f;
        Input input = Input.newBuilder().setMoveX(moveX).setMoveY(moveY)
                .setAim(aim).setFire(random.nextInt(10) == 0).build();
        send(ClientEnvelope.newBuilder().setInput(io.ringside.protocol.envelope.Input.newBuilder()
                .setSeq(++seq).setPayload(input.toByteString())).build());
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
