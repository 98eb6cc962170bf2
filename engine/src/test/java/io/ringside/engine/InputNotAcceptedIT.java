package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.room.Room;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.Input;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.Ping;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An Input envelope to a room that declares no input type gets INPUT_NOT_ACCEPTED and costs only its connection. */
@Timeout(30)
class InputNotAcceptedIT {

    @Test
    void shouldAnswerInputNotAcceptedAndKeepServingTheConnectionWhenAClientInSuchARoomSendsAnInput() throws Exception {
        // given
        try (RingsideServer server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1))
                .game(g -> g.shards(1)).room("plain", PlainRoom::new).build().start();
             RawGameClient client = new RawGameClient(server.port())) {

            client.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("plain")).build());
            client.readUntil(ServerEnvelope::hasJoined);

            // when
            client.send(ClientEnvelope.newBuilder().setInput(Input.newBuilder().setSeq(1)).build());
            client.send(ClientEnvelope.newBuilder().setPing(Ping.newBuilder().setClientTime(7)).build());
            List<ServerEnvelope> received = client.readUntil(ServerEnvelope::hasPong);

            // then
            assertThat(received).filteredOn(ServerEnvelope::hasError).singleElement().satisfies(envelope ->
                    assertThat(envelope.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_INPUT_NOT_ACCEPTED));
            assertThat(received.get(received.size() - 1).getPong().getClientTime()).isEqualTo(7);
        }
    }

    /** A room with nothing in it. */
    static final class PlainRoom extends Room {
    }
}
