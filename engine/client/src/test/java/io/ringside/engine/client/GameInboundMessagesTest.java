package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Dispatch of game messages to the handlers of their types, with callback delivery. */
class GameInboundMessagesTest {
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

    GameInboundMessagesTest() {
        client.attach(transport, null);
        client.on(CHAT, StringValue.parser(), (c, m) -> handled.add("chat " + m.getValue()));
        client.on(SCORE, Int64Value.parser(), (c, m) -> handled.add("score " + m.getValue()));
    }

    @Test
    void shouldDispatchGameMessagesToTheHandlerOfTheirTypeWhenTypesAreRegistered() {
        // when
        receive(game(SCORE, Int64Value.of(12).toByteString()));
        receive(game(CHAT, StringValue.of("gg").toByteString()));
        receive(game(SCORE, Int64Value.of(13).toByteString()));

        // then
        assertThat(handled).containsExactly("score 12", "chat gg", "score 13");
        assertThat(events.drain()).isEmpty();
    }

    @Test
    void shouldReportUnknownTypesWithACopyWhenNoHandlerIsRegistered() {
        // given
        ByteBuffer buffer = encode(game(99, ByteString.copyFromUtf8("what")));

        // when
        inbound.receive(buffer, OFFSET, buffer.limit() - OFFSET);
        buffer.put(buffer.limit() - 1, (byte) '!');

        // then
        assertThat(events.drain()).containsExactly("unknown type=99 payload=what");
        assertThat(handled).isEmpty();
    }

    @Test
    void shouldHandAMessageThatOwnsItsBytesWhenTheReadBufferIsReusedAfterwards() {
        // given
        List<BytesValue> kept = new ArrayList<>();
        client.on(7, BytesValue.parser(), (c, m) -> kept.add(m));
        ByteBuffer buffer = encode(game(7, BytesValue.of(ByteString.copyFromUtf8("abcdef")).toByteString()));

        // when
        inbound.receive(buffer, OFFSET, buffer.limit() - OFFSET);
        for (int i = 0; i < buffer.limit(); i++) {
            buffer.put(i, (byte) 0);
        }

        // then
        assertThat(kept).singleElement().extracting(m -> m.getValue().toStringUtf8()).isEqualTo("abcdef");
    }

    @Test
    void shouldReportAFailureAndCarryOnWhenAGamePayloadDoesNotParse() {
        // when
        receive(game(SCORE, ByteString.copyFrom(new byte[] {(byte) 0xFF})));
        receive(game(CHAT, StringValue.of("still here").toByteString()));

        // then
        assertThat(events.drain()).singleElement().asString().startsWith("failure game message type=2");
        assertThat(handled).containsExactly("chat still here");
        assertThat(transport.closes).isEmpty();
    }

    @Test
    void shouldLetAHandlerExceptionReachTheConnectionWhenDeliveringOnTheIoThread() {
        // given
        client.on(CHAT, StringValue.parser(), (c, m) -> {
            throw new IllegalStateException("bot bug");
        });
        ByteBuffer buffer = encode(game(CHAT, StringValue.of("x").toByteString()));

        // then: ClientInbound passes it to onError, reported as a failure (ClientListener's contract)
        assertThatThrownBy(() -> inbound.receive(buffer, OFFSET, buffer.limit() - OFFSET)).hasMessage("bot bug");
        inbound.onError(null, new IllegalStateException("bot bug"));
        assertThat(events.drain()).containsExactly("failure bot bug");
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

    private static ServerEnvelope game(int type, ByteString payload) {
        return ServerEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type).setPayload(payload)).build();
    }
}
