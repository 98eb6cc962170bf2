package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Int64Value;
import io.ringside.engine.room.Room;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One flooder on a shard sends inputs as fast as its socket takes them, into a ring that drains
 * fewer events per tick than it can publish. A good player on the same shard sends one input, waits
 * for the room's answer (the tick that handled it), and sends the next: with the per-session ring
 * budget each input is handled by the first drain after it was sent, or at most one drain later.
 * (Without it the flooder fills the ring and the good player's inputs wait 10 to 50 ticks.) The
 * ticks are counted from the room's tick when the input is sent, not from the previous answer, so
 * that the test client's own scheduling on a busy machine does not count against the server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlooderFairnessIT {
    private static final int INPUT = 1;
    private static final int ANSWER = 2;
    private static final int ROUNDS = 30;

    private final AtomicLong flooded = new AtomicLong();
    private final AtomicLong lastTick = new AtomicLong();
    private final AtomicBoolean flooding = new AtomicBoolean(true);
    private RingsideServer server;
    private Socket flooderSocket;

    @AfterEach
    void stop() {
        flooding.set(false);
        server.close();
    }

    @Test
    void shouldNotDelayOtherPlayersInputsByMoreThanOneTick() throws Exception {
        // given: one shard whose ring drains 256 events per tick, and a flooder in a room on it
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(2).shutdownTimeoutMs(500))
                .game(g -> g.shards(1).tickRateHz(20).ringCapacity(1024).maxEventsPerTick(256))
                .room("fair", () -> new AnsweringRoom(flooded, lastTick))
                .build().start();
        Thread flooder = startFlooder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (flooded.get() < 5_000) {
            assertThat(System.nanoTime() - deadline).as("flooded %d", flooded.get()).isNegative();
            Thread.sleep(10);
        }

        // when: a good player sends an input after each answer
        List<Long> waited = new ArrayList<>();
        long startNs = System.nanoTime();
        try (RawGameClient good = new RawGameClient(server.port())) {
            good.send(join());
            ServerEnvelope previous = null;
            for (int i = 0; i < ROUNDS; i++) {
                long sentAfterTick = lastTick.get();
                good.send(input(ByteString.copyFromUtf8("good")));
                ServerEnvelope before = previous;
                List<ServerEnvelope> received = good.readUntil(e -> isAnswer(e) && e != before);
                previous = received.get(received.size() - 1);
                waited.add(tickOf(previous) - sentAfterTick);
            }
        }
        flooding.set(false);
        flooderSocket.close(); // its thread may be blocked in a write the server is not reading
        flooder.join(10_000);

        // then: sent after tick T, each input is handled in tick T + 1 or T + 2 (the first drain after
        // the send: the drain of T + 1 may already be under way), or one tick later
        System.out.println("good player's inputs handled this many ticks after the room's tick at sending: " + waited
                + "; flooder sent " + flooded.get() + "; " + (System.nanoTime() - startNs) / 1_000_000 + " ms");
        for (int i = 0; i < waited.size(); i++) {
            assertThat(waited.get(i)).as("ticks input %d waited", i).isLessThanOrEqualTo(3);
        }
    }

    private Thread startFlooder() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        flooderSocket = socket;
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        FrameEncoder encoder = new FrameEncoder(Role.CLIENT);
        byte[] joinFrame = frame(encoder, join());
        byte[] inputFrame = frame(encoder, input(ByteString.copyFromUtf8("flood")));
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < 1_000; i++) {
            batch.writeBytes(inputFrame);
        }
        byte[] burst = batch.toByteArray();
        Thread thread = new Thread(() -> {
            try (socket) {
                out.write(joinFrame);
                while (flooding.get()) {
                    out.write(burst);
                }
            } catch (IOException e) {
                // closed at the end
            }
        }, "flooder");
        thread.setDaemon(true);
        thread.start();
        // the flooder never reads: its socket's receive buffer takes the 101 and the room's answers
        return thread;
    }

    private static byte[] frame(FrameEncoder encoder, ClientEnvelope envelope) {
        byte[] payload = envelope.toByteArray();
        ByteBuffer frame = ByteBuffer.allocate(payload.length + FrameEncoder.MAX_HEADER_BYTES);
        encoder.writeFrame(frame, true, Opcode.BINARY, ByteBuffer.wrap(payload));
        byte[] bytes = new byte[frame.position()];
        frame.flip().get(bytes);
        return bytes;
    }

    private static ClientEnvelope join() {
        return ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("fair")).build();
    }

    private static ClientEnvelope input(ByteString payload) {
        return ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(INPUT).setPayload(payload))
                .build();
    }

    private static boolean isAnswer(ServerEnvelope envelope) {
        return envelope.hasGame() && envelope.getGame().getType() == ANSWER;
    }

    private static long tickOf(ServerEnvelope envelope) {
        try {
            return Int64Value.parseFrom(envelope.getGame().getPayload()).getValue();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Counts the flooder's inputs, answers every other input with the tick that handled it, and
     * publishes the last tick it finished.
     */
    public static final class AnsweringRoom extends Room {
        private static final byte[] FLOOD = "flood".getBytes(StandardCharsets.UTF_8);
        private final AtomicLong flooded;
        private final AtomicLong lastTick;

        AnsweringRoom(AtomicLong flooded, AtomicLong lastTick) {
            this.flooded = flooded;
            this.lastTick = lastTick;
        }

        @Override
        protected void onCreate(Map<String, String> options) {
            messages().onRaw(INPUT, (player, bytes, offset, length) -> {
                if (length == FLOOD.length && bytes[offset] == 'f') {
                    flooded.incrementAndGet();
                } else {
                    send(player, ANSWER, Int64Value.of(lastTick.get() + 1));
                }
            });
        }

        @Override
        protected void onTick(long tick, long dtNanos) {
            lastTick.set(tick);
        }
    }
}
