package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.Error;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.Joined;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.Left;
import io.ringside.protocol.envelope.Pong;
import io.ringside.protocol.envelope.RoomInfo;
import io.ringside.protocol.envelope.RoomList;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Decoding and dispatch of every server envelope, with callback delivery. */
class GameInboundTest {
    private static final int CHAT = 1;
    private static final int SCORE = 2;
    private static final long MS = 1_000_000L;
    private static final int OFFSET = 5;

    private final AtomicLong nowNs = new AtomicLong(1_000 * MS);
    private final GameEvents events = new GameEvents();
    private final GameClient client = new GameClient(null, URI.create("ws://127.0.0.1/game"),
            GameClientConfig.defaults(), events, nowNs::get);
    private final RecordingTransport transport = new RecordingTransport();
    private final GameInbound inbound = client.newInbound();
    private final List<Object> handled = new ArrayList<>();

    GameInboundTest() {
        client.attach(transport, null);
        client.on(CHAT, StringValue.parser(), (c, m) -> handled.add("chat " + m.getValue()));
        client.on(SCORE, Int64Value.parser(), (c, m) -> handled.add("score " + m.getValue()));
    }

    @Test
    void shouldSeatTheClientAndCompleteTheJoinWhenJoinedArrives() {
        // given
        var join = client.joinOrCreate("arena");

        // when
        receive(ServerEnvelope.newBuilder().setJoined(joined()).build());

        // then
        GameRoom room = new GameRoom("s-1", "r-1", "arena", 20, 300, "seat");
        assertThat(join).isCompletedWithValue(room);
        assertThat(client.room()).isEqualTo(room);
        assertThat(client.lastRoom()).isEqualTo(room);
        assertThat(client.serverTick()).isEqualTo(300);
        assertThat(events.drain()).containsExactly("joined arena r-1 session=s-1 rate=20 tick=300");
    }

    @Test
    void shouldDeliverJoinedBeforeCompletingTheJoinAndCompleteItEvenWhenTheListenerThrows() {
        // given
        List<Boolean> doneWhenDelivered = new ArrayList<>();
        List<CompletableFuture<GameRoom>> join = new ArrayList<>();
        GameClient throwing = new GameClient(null, URI.create("ws://127.0.0.1/game"), GameClientConfig.defaults(),
                new GameListener() {
                    @Override
                    public void onJoined(GameClient client, GameRoom room) {
                        doneWhenDelivered.add(join.get(0).isDone());
                        throw new IllegalStateException("listener bug");
                    }
                }, nowNs::get);
        throwing.attach(transport, null);
        join.add(throwing.joinOrCreate("arena"));
        ByteBuffer buffer = encode(ServerEnvelope.newBuilder().setJoined(joined()).build());

        // when
        assertThatThrownBy(() -> throwing.newInbound().receive(buffer, OFFSET, buffer.limit() - OFFSET))
                .hasMessage("listener bug");

        // then
        assertThat(doneWhenDelivered).containsExactly(false);
        assertThat(join.get(0)).isCompleted();
    }

    @Test
    void shouldUnseatTheClientAndCompleteTheLeaveWhenLeftArrives() {
        // given
        receive(ServerEnvelope.newBuilder().setJoined(joined()).build());
        var leave = client.leave();

        // when
        receive(ServerEnvelope.newBuilder().setLeft(Left.newBuilder().setReason(LeaveReason.LEAVE_REASON_LEFT)
                .setMessage("bye")).build());

        // then
        assertThat(leave).isCompletedWithValue(LeaveReason.LEAVE_REASON_LEFT);
        assertThat(client.room()).isNull();
        assertThat(client.lastRoom().reconnectToken()).isEqualTo("seat");
        assertThat(client.serverTick()).isEqualTo(-1);
        assertThat(events.drain()).endsWith("left LEAVE_REASON_LEFT bye");
    }

    @Test
    void shouldFailThePendingJoinWithTheCodeWhenTheServerRefusesIt() {
        // given
        var join = client.joinOrCreate("arena");

        // when
        receive(error(ErrorCode.ERROR_CODE_ROOM_FULL, "8/8"));

        // then
        assertThat(join).isCompletedExceptionally();
        assertThatThrownBy(join::join).hasCauseInstanceOf(GameRequestException.class)
                .cause().extracting(e -> ((GameRequestException) e).code()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL);
        assertThat(events.drain()).containsExactly("error ERROR_CODE_ROOM_FULL 8/8");
    }

    @Test
    void shouldKeepTheJoinPendingWhenTheErrorIsAboutAGameMessage() {
        // given
        var join = client.joinOrCreate("arena");

        // when
        receive(error(ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE_TYPE, "type 9"));

        // then
        assertThat(join).isNotDone();
        assertThat(events.drain()).containsExactly("error ERROR_CODE_UNKNOWN_MESSAGE_TYPE type 9");
    }

    @Test
    void shouldFailThePendingLeaveWhenTheServerSaysNotInRoom() {
        // given
        var leave = client.leave();

        // when
        receive(error(ErrorCode.ERROR_CODE_NOT_IN_ROOM, "no room"));

        // then
        assertThatThrownBy(leave::join).hasCauseInstanceOf(GameRequestException.class);
    }

    @Test
    void shouldCompleteTheListingAndReportItWhenRoomListArrives() throws Exception {
        // given
        var listing = client.listRooms("arena");

        // when
        receive(ServerEnvelope.newBuilder().setRoomList(RoomList.newBuilder().setRoomType("arena")
                .addRooms(RoomInfo.newBuilder().setRoomId("r-1").setRoomType("arena").setPlayers(3).setCapacity(8)
                        .setLabel("map-1"))).build());

        // then
        assertThat(listing).isCompletedWithValue(List.of(new GameRoomInfo("r-1", "arena", 3, 8, "map-1")));
        assertThat(transport.last().getListRooms().getRoomType()).isEqualTo("arena");
        assertThat(events.drain()).containsExactly("rooms arena [r-1 3/8 map-1]");
    }

    @Test
    void shouldMeasureRttWithTheInjectedClockWhenPongArrives() {
        // given
        client.ping();
        long sentAt = nowNs.get();
        nowNs.addAndGet(30 * MS);

        // when
        receive(ServerEnvelope.newBuilder().setPong(Pong.newBuilder().setClientTime(sentAt).setTick(77)
                .setServerTimeMs(1)).build());

        // then
        assertThat(client.lastRttNs()).isEqualTo(30 * MS);
        assertThat(client.smoothedRttNs()).isEqualTo(30 * MS);
        assertThat(events.drain()).containsExactly("pong rtt=" + 30 * MS + " tick=77");
    }

    @Test
    void shouldReportAFailureAndKeepRttWhenPongEchoesAFutureTime() {
        // when
        receive(ServerEnvelope.newBuilder().setPong(Pong.newBuilder().setClientTime(nowNs.get() + 1)).build());

        // then
        assertThat(client.lastRttNs()).isEqualTo(-1);
        assertThat(events.drain()).singleElement().asString().startsWith("failure pong echoes");
    }

    @Test
    void shouldCloseWith1007WhenTheEnvelopeIsMalformed() {
        // given
        ByteBuffer garbage = ByteBuffer.wrap(new byte[] {0x0A, 0x7F, 0x01});

        // when
        inbound.receive(garbage, 0, garbage.limit());
        inbound.receive(garbage, 0, garbage.limit());

        // then
        assertThat(transport.closes).singleElement().asString().startsWith("1007 malformed server envelope");
        assertThat(events.drain()).singleElement().asString().startsWith("failure malformed server envelope");
    }

    @Test
    void shouldCloseWith1003WhenTheServerSendsText() {
        // when
        inbound.onText(null, ByteBuffer.wrap(new byte[] {'h', 'i'}), 0, 2);

        // then
        assertThat(transport.closes).singleElement().asString().startsWith("1003 ");
    }

    @Test
    void shouldReportAndCarryOnWhenTheEnvelopeHasNoBodyThisClientKnows() {
        // given: field 15, a body a newer server might send
        ByteBuffer newer = ByteBuffer.wrap(new byte[] {0x7A, 0x00});

        // when
        inbound.receive(newer, 0, newer.limit());

        // then
        assertThat(events.drain()).singleElement().asString().startsWith("failure server envelope without");
        assertThat(transport.closes).isEmpty();
    }

    @Test
    void shouldFailPendingRequestsAndUnseatWhenTheConnectionCloses() {
        // given
        receive(ServerEnvelope.newBuilder().setJoined(joined()).build());
        var leave = client.leave();
        var listing = client.listRooms("arena");
        client.attach(inbound, null);

        // when
        inbound.onClose(null, 1001, "shutdown", true);

        // then
        assertThatThrownBy(leave::join).hasCauseInstanceOf(GameRequestException.class)
                .cause().extracting(e -> ((GameRequestException) e).closeCode()).isEqualTo(1001);
        assertThat(listing).isCompletedExceptionally();
        assertThat(client.room()).isNull();
        assertThat(client.lastRoom()).isNotNull();
        assertThat(client.transport()).isSameAs(GameTransport.DISCONNECTED);
        assertThat(events.drain()).endsWith("disconnected 1001 shutdown remote");
    }

    @Test
    void shouldIgnoreTheCloseOfAnEarlierConnectionWhenANewOneIsAttached() {
        // given
        GameInbound stale = client.newInbound();
        receive(ServerEnvelope.newBuilder().setJoined(joined()).build());

        // when
        stale.onClose(null, 1006, "", false);

        // then
        assertThat(client.room()).isNotNull();
        assertThat(client.transport()).isSameAs(transport);
    }

    private void receive(ServerEnvelope envelope) {
        ByteBuffer buffer = encode(envelope);
        inbound.receive(buffer, OFFSET, buffer.limit() - OFFSET);
    }

    /** The envelope at {@link #OFFSET} of a heap buffer, after bytes that are not part of it. */
    private static ByteBuffer encode(ServerEnvelope envelope) {
        byte[] bytes = envelope.toByteArray();
        ByteBuffer buffer = ByteBuffer.allocate(OFFSET + bytes.length);
        buffer.put(new byte[] {9, 9, 9, 9, 9}).put(bytes);
        return buffer.flip().position(3);
    }

    private static Joined joined() {
        return Joined.newBuilder().setSessionId("s-1").setRoomId("r-1").setRoomType("arena").setTickRateHz(20)
                .setCurrentTick(300).setReconnectToken("seat").build();
    }

    private static ServerEnvelope error(ErrorCode code, String message) {
        return ServerEnvelope.newBuilder().setError(Error.newBuilder().setCode(code).setMessage(message)).build();
    }

    private static ServerEnvelope game(int type, ByteString payload) {
        return ServerEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type).setPayload(payload)).build();
    }
}
