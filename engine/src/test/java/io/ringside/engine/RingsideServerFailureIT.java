package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.ShardMetrics;
import io.ringside.engine.room.TestRooms;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import io.ringside.protocol.websocket.CloseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failure paths over real sockets: room exceptions, bad input, backpressure, shutdown. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RingsideServerFailureIT {
    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private final AtomicLong ticks = new AtomicLong();
    private RingsideServer server;

    private RingsideServer start(RingsideServer.Builder builder) throws Exception {
        server = builder.transport(t -> t.port(0).ioLoops(1)).game(g -> g.shards(1))
                .room("solo", () -> new TestRooms.ChatRoom(log, ticks), RoomOptions.builder().capacity(1).build())
                .build().start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldDisposeOnlyThrowingRoomWhenRoomCodeThrows() throws Exception {
        // given
        start(RingsideServer.builder().game(g -> g.tickRateHz(60)));
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            String roomA = joined(a);
            String roomB = joined(b);

            // when
            a.game(TestRooms.BOOM, StringValue.of("now"));

            // then
            assertThat(roomB).isNotEqualTo(roomA);
            assertThat(a.expect(BodyCase.ERROR).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_INTERNAL);
            assertThat(a.closeCode()).isEqualTo(CloseCode.INTERNAL_ERROR);
            long ticksAfterFailure = ticks.get();
            b.game(TestRooms.COUNT, Int64Value.of(0));
            assertThat(Int64Value.parseFrom(b.expect(BodyCase.GAME).getGame().getPayload()).getValue()).isEqualTo(1);
            while (ticks.get() <= ticksAfterFailure) {
                Thread.onSpinWait();
            }
            ShardMetrics metrics = server.metrics().get(0);
            assertThat(metrics.roomFailures()).isEqualTo(1);
            assertThat(metrics.rooms()).isEqualTo(1);
        }
    }

    @Test
    void shouldAnswerErrorsAndClose1007WhenMalformedMessagesRepeat() throws Exception {
        // given
        start(RingsideServer.builder().game(g -> g.tickRateHz(60).maxMalformedMessages(4)));
        try (GameClient a = GameClient.connect(server.port())) {
            joined(a);

            // when
            a.send(gameWithPayload(TestRooms.COUNT, new byte[] {0x08, (byte) 0xFF}));
            a.sendRaw(new byte[] {0x1A, 0x05, 0x08});
            a.game(99, StringValue.of("undeclared"));
            a.sendRaw(new byte[] {0x7F, 0x01});

            // then: the I/O thread answers the bad envelope, the tick thread the rest, so any order
            List<ErrorCode> codes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                codes.add(a.expect(BodyCase.ERROR).getError().getCode());
            }
            assertThat(codes).containsExactlyInAnyOrder(ErrorCode.ERROR_CODE_MALFORMED_MESSAGE,
                    ErrorCode.ERROR_CODE_MALFORMED_MESSAGE, ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE_TYPE,
                    ErrorCode.ERROR_CODE_MALFORMED_MESSAGE);
            assertThat(a.closeCode()).isEqualTo(CloseCode.INVALID_PAYLOAD);
        }
    }

    @Test
    void shouldClose1009WhenMessageExceedsMaxMessageBytes() throws Exception {
        // given
        start(RingsideServer.builder()
                .transport(t -> t.decoder(d -> d.maxMessageBytes(1024)).shutdownTimeoutMs(1_000)));
        try (GameClient a = GameClient.connect(server.port())) {
            joined(a);

            // when
            a.game(TestRooms.CHAT, StringValue.of("x".repeat(2000)));

            // then
            assertThat(a.closeCode()).isEqualTo(CloseCode.MESSAGE_TOO_BIG);
        }
    }

    @Test
    void shouldClose1003WhenTextFrameArrives() throws Exception {
        // given
        start(RingsideServer.builder());
        try (GameClient a = GameClient.connect(server.port())) {
            // when
            a.sendText("{\"join\":\"solo\"}");

            // then
            assertThat(a.closeCode()).isEqualTo(CloseCode.UNSUPPORTED_DATA);
        }
    }

    @Test
    void shouldDeliverEveryMessageInOrderWhenRingIsFull() throws Exception {
        // given: four slots and a slow tick, so the ring is full most of the time
        start(RingsideServer.builder().game(g -> g.tickRateHz(50).ringCapacity(4).slotBytes(16)));
        int messages = 150;
        try (GameClient a = GameClient.connect(server.port())) {
            joined(a);

            // when
            for (int i = 0; i < messages; i++) {
                a.game(TestRooms.COUNT, Int64Value.of(i));
            }

            // then: the room checks the order and answers each with its count
            for (int i = 1; i <= messages; i++) {
                ServerEnvelope reply = a.expect(BodyCase.GAME);
                assertThat(Int64Value.parseFrom(reply.getGame().getPayload()).getValue()).isEqualTo(i);
            }
            assertThat(server.metrics().get(0).backpressureEvents()).isPositive();
            assertThat(server.metrics().get(0).roomFailures()).isZero();
        }
    }

    @Test
    void shouldKeepEachClientsOrderWhenManyClientsPublishFromSeveralLoops() throws Exception {
        // given: 20 clients on two I/O loops, one room each, two shards
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(2))
                .game(g -> g.shards(2).tickRateHz(100).ringCapacity(64))
                .room("solo", () -> new TestRooms.ChatRoom(log, ticks), RoomOptions.builder().capacity(1).build())
                .build().start();
        List<GameClient> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(GameClient.connect(server.port()));
            joined(clients.get(i));
        }

        // when
        for (int m = 0; m < 50; m++) {
            for (GameClient client : clients) {
                client.game(TestRooms.COUNT, Int64Value.of(m));
            }
        }

        // then: every room saw its client's messages in order (it throws otherwise) and answered each
        for (GameClient client : clients) {
            for (int m = 1; m <= 50; m++) {
                assertThat(Int64Value.parseFrom(client.expect(BodyCase.GAME).getGame().getPayload()).getValue())
                        .isEqualTo(m);
            }
            client.close();
        }
        assertThat(server.metrics()).allSatisfy(metrics -> assertThat(metrics.roomFailures()).isZero());
    }

    @Test
    void shouldDisposeRoomsAndClose1001WhenServerShutsDown() throws Exception {
        // given
        start(RingsideServer.builder().transport(t -> t.shutdownTimeoutMs(2_000)));
        try (GameClient a = GameClient.connect(server.port())) {
            String room = joined(a);

            // when
            server.close();

            // then
            ServerEnvelope left = a.expect(BodyCase.LEFT);
            assertThat(left.getLeft().getReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
            assertThat(a.closeCode()).isEqualTo(CloseCode.GOING_AWAY);
            assertThat(log).contains("dispose " + room);
        }
    }

    private static ClientEnvelope gameWithPayload(int type, byte[] payload) {
        return ClientEnvelope.newBuilder()
                .setGame(GameMessage.newBuilder().setType(type).setPayload(ByteString.copyFrom(payload))).build();
    }

    private static String joined(GameClient client) throws InterruptedException {
        client.join("solo");
        return client.expect(BodyCase.JOINED).getJoined().getRoomId();
    }
}
