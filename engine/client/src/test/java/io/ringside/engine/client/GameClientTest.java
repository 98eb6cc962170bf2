package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.Error;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.Joined;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.Left;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Requests a client sends, pending-request rules, and polling delivery; no sockets. */
class GameClientTest {
    private final AtomicLong nowNs = new AtomicLong(123_456_789L);
    private final GameEvents events = new GameEvents();
    private final RecordingTransport transport = new RecordingTransport();

    @Test
    void shouldSendJoinOrCreateAndRefuseASecondJoinWhileOneIsPending() throws Exception {
        // given
        GameClient client = connected(GameClientConfig.defaults());

        // when
        var first = client.joinOrCreate("arena", Map.of("mode", "ffa"), "tok");
        var second = client.join("room-1", Map.of(), "");

        // then
        assertThat(transport.sent).hasSize(1);
        assertThat(transport.last().getJoin().getRoomType()).isEqualTo("arena");
        assertThat(transport.last().getJoin().getOptionsMap()).containsEntry("mode", "ffa");
        assertThat(first).isNotDone();
        assertThatThrownBy(second::join).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldFailAtOnceAndAllowAnotherJoinWhenTheRequestCannotBeSent() {
        // given
        GameClient client = connected(GameClientConfig.defaults());
        transport.accepting = false;

        // when
        var refused = client.createPrivate("arena", Map.of(), "");
        transport.accepting = true;
        var next = client.createPrivate("arena", Map.of(), "");

        // then
        assertThatThrownBy(refused::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not sent");
        assertThat(next).isNotDone();
    }

    @Test
    void shouldRefuseSendsWhenNotConnected() {
        // given
        GameClient client = client(GameClientConfig.defaults());

        // then
        assertThat(client.send(1, StringValue.of("x"))).isFalse();
        assertThat(client.ping()).isFalse();
        assertThat(client.joinOrCreate("arena")).isCompletedExceptionally();
        assertThat(client.connection()).isNull();
    }

    @Test
    void shouldRejoinTheLastRoomWithItsReconnectTokenAndTheLastAuthToken() throws Exception {
        // given
        GameClient client = connected(GameClientConfig.defaults());
        client.joinOrCreate("arena", Map.of(), "tok");
        client.newInbound().receive(joinedBuffer(), 0, joinedBuffer().limit());

        // when
        client.rejoin();

        // then
        ClientEnvelope rejoin = transport.last();
        assertThat(rejoin.getJoin().getRoomId()).isEqualTo("r-1");
        assertThat(rejoin.getJoin().getReconnectToken()).isEqualTo("seat");
        assertThat(rejoin.getJoin().getAuthToken()).isEqualTo("tok");
    }

    @Test
    void shouldRefuseRejoinWhenNoRoomWasEverJoined() {
        // given
        GameClient client = connected(GameClientConfig.defaults());

        // then
        assertThatThrownBy(client::rejoin).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldSendGameMessagesPingsAndLeave() throws Exception {
        // given
        GameClient client = connected(GameClientConfig.defaults());

        // when
        boolean sent = client.send(5, StringValue.of("hello"));
        boolean pinged = client.ping();
        client.leave();

        // then
        assertThat(sent).isTrue();
        assertThat(pinged).isTrue();
        assertThat(ClientEnvelope.parseFrom(transport.sent.get(0)).getGame()).isEqualTo(GameMessage.newBuilder()
                .setType(5).setPayload(StringValue.of("hello").toByteString()).build());
        assertThat(ClientEnvelope.parseFrom(transport.sent.get(1)).getPing().getClientTime())
                .isEqualTo(123_456_789L);
        assertThat(transport.last().getBodyCase()).isEqualTo(ClientEnvelope.BodyCase.LEAVE);
    }

    @Test
    void shouldCloseThroughTheTransportWhenClosed() {
        // given
        GameClient client = connected(GameClientConfig.defaults());

        // when
        client.close();

        // then
        assertThat(transport.closes).containsExactly("1000 ");
    }

    @Test
    void shouldQueueEventsUntilPolledAndDeliverThemOnThePollingThreadInOrder() {
        // given
        GameClient client = connected(GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build());
        client.on(1, StringValue.parser(), (c, m) -> events.record("chat " + m.getValue()));
        GameInbound inbound = client.newInbound();

        // when
        receive(inbound, ServerEnvelope.newBuilder().setJoined(Joined.newBuilder().setRoomId("r-1")).build());
        receive(inbound, chat(1, "a"));
        receive(inbound, chat(2, "b"));
        List<String> beforePoll = events.drain();
        int pending = client.pendingEvents();
        int delivered = client.poll();

        // then
        assertThat(beforePoll).isEmpty();
        assertThat(client.room()).as("state is updated before the event is polled").isNotNull();
        assertThat(pending).isEqualTo(3);
        assertThat(delivered).isEqualTo(3);
        assertThat(events.drain()).containsExactly("joined  r-1 session= rate=0 tick=0", "chat a",
                "unknown type=2 payload=" + StringValue.of("b").toByteString().toStringUtf8());
        assertThat(events.threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void shouldDeliverQueuedEventsIntactWhenTheReadBufferWasReusedBeforePolling() {
        // given
        GameClient client = connected(GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build());
        GameInbound inbound = client.newInbound();
        ByteBuffer left = ByteBuffer.wrap(ServerEnvelope.newBuilder().setLeft(Left.newBuilder()
                .setReason(LeaveReason.LEAVE_REASON_KICKED).setMessage("afk")).build().toByteArray());
        ByteBuffer error = ByteBuffer.wrap(ServerEnvelope.newBuilder().setError(Error.newBuilder()
                .setCode(ErrorCode.ERROR_CODE_INTERNAL).setMessage("oops")).build().toByteArray());

        // when
        inbound.receive(left, 0, left.limit());
        inbound.receive(error, 0, error.limit());
        Arrays.fill(left.array(), (byte) 0);
        Arrays.fill(error.array(), (byte) 0);
        client.poll();

        // then
        assertThat(events.drain()).containsExactly("left LEAVE_REASON_KICKED afk", "error ERROR_CODE_INTERNAL oops");
    }

    @Test
    void shouldDeliverAtMostMaxEventsWhenPolledWithALimit() {
        // given
        GameClient client = connected(GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL).build());
        GameInbound inbound = client.newInbound();
        for (int i = 0; i < 5; i++) {
            receive(inbound, chat(9, "m" + i));
        }

        // when
        int first = client.poll(2);
        int rest = client.poll();

        // then
        assertThat(first).isEqualTo(2);
        assertThat(rest).isEqualTo(3);
        assertThat(client.poll()).isZero();
    }

    @Test
    void shouldCloseWith1008AndStillQueueTheDisconnectWhenThePollQueueIsFull() {
        // given
        GameClient client = connected(GameClientConfig.builder().delivery(GameClientConfig.Delivery.POLL)
                .maxPendingEvents(2).build());
        GameInbound inbound = client.newInbound();
        client.attach(transport, null);

        // when
        for (int i = 0; i < 4; i++) {
            receive(inbound, chat(9, "m" + i));
        }
        inbound.onClose(null, 1008, "poll queue full", false);
        client.poll();

        // then
        assertThat(transport.closes).containsExactly("1008 poll queue full (maxPendingEvents=2)");
        assertThat(events.drain()).containsExactly("unknown type=9 payload=" + payload("m0"),
                "unknown type=9 payload=" + payload("m1"),
                "failure poll queue full (maxPendingEvents=2) (closing with 1008)",
                "disconnected 1008 poll queue full local");
    }

    @Test
    void shouldRefuseToPollWhenDeliveryIsCallback() {
        // given
        GameClient client = connected(GameClientConfig.defaults());

        // then
        assertThatThrownBy(client::poll).isInstanceOf(IllegalStateException.class);
        assertThat(client.pendingEvents()).isZero();
    }

    private GameClient client(GameClientConfig config) {
        return new GameClient(null, URI.create("ws://127.0.0.1/game"), config, events, nowNs::get);
    }

    private GameClient connected(GameClientConfig config) {
        GameClient client = client(config);
        client.attach(transport, null);
        return client;
    }

    private static ServerEnvelope chat(int type, String text) {
        return ServerEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type)
                .setPayload(StringValue.of(text).toByteString())).build();
    }

    private static String payload(String text) {
        return StringValue.of(text).toByteString().toStringUtf8();
    }

    private static void receive(GameInbound inbound, ServerEnvelope envelope) {
        ByteBuffer buffer = ByteBuffer.wrap(envelope.toByteArray());
        inbound.receive(buffer, 0, buffer.limit());
    }

    private static ByteBuffer joinedBuffer() {
        return ByteBuffer.wrap(ServerEnvelope.newBuilder().setJoined(Joined.newBuilder().setRoomId("r-1")
                .setReconnectToken("seat")).build().toByteArray());
    }
}
