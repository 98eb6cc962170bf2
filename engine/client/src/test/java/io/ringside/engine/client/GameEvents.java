package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a {@link GameListener} that records each event as one line of text, and the thread
 * it ran on, for unit tests to compare and ITs to wait for. Handlers may {@link #record} too.
 */
final class GameEvents implements GameListener {
    private static final long WAIT_SECONDS = 10;

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

    void record(String event) {
        threads.add(Thread.currentThread().getName());
        events.add(event);
    }

    /** Every event recorded so far, removed. */
    List<String> drain() {
        List<String> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    /** Waits for the next event and checks that it starts with {@code prefix}; returns it. */
    String expect(String prefix) throws InterruptedException {
        String event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("an event starting with %s", prefix).isNotNull().startsWith(prefix);
        return event;
    }

    @Override
    public void onJoined(GameClient client, GameRoom room) {
        record("joined " + room.roomType() + " " + room.roomId() + " session=" + room.sessionId()
                + " rate=" + room.tickRateHz() + " tick=" + room.joinTick());
    }

    @Override
    public void onLeft(GameClient client, LeaveReason reason, String message) {
        record("left " + reason + " " + message);
    }

    @Override
    public void onError(GameClient client, ErrorCode code, String message) {
        record("error " + code + " " + message);
    }

    @Override
    public void onRoomList(GameClient client, String roomType, List<GameRoomInfo> rooms) {
        record("rooms " + roomType + " " + rooms.stream()
                .map(r -> r.roomId() + " " + r.players() + "/" + r.capacity() + " " + r.label()).toList());
    }

    @Override
    public void onPong(GameClient client, long rttNs, long serverTick) {
        record("pong rtt=" + rttNs + " tick=" + serverTick);
    }

    @Override
    public void onUnknownMessage(GameClient client, int type, ByteString payload) {
        record("unknown type=" + type + " payload=" + payload.toStringUtf8());
    }

    @Override
    public void onDisconnected(GameClient client, int closeCode, String reason, boolean remote) {
        record("disconnected " + closeCode + " " + reason + (remote ? " remote" : " local"));
    }

    @Override
    public void onFailure(GameClient client, Throwable error) {
        failures.add(error);
        record("failure " + error.getMessage());
    }
}
