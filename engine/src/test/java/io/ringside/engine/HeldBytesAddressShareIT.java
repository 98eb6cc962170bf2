package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.CloseCode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the game keeps for a connection ({@code Connection.chargeHeld}: here the join requests of
 * seats held through a reconnect grace) counts toward its address' share of the memory budget, over
 * real sockets from two loopback addresses: one address that keeps joining with large options and
 * dropping its connection is stopped at its share (1008 or 503) long before the global budget is in
 * danger, while a player from another address still joins and plays.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeldBytesAddressShareIT {
    private static final int OPTION_BYTES = 200 * 1024;
    private static final int CYCLES = 10;
    private static final long SHARE_BYTES = 1L << 20;

    private RingsideServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldStopAnAddressAtItsShareOfHeldSeatsWhileAnotherAddressPlays() throws Exception {
        // given: 1 MiB per address of a 64 MiB budget, limits on loopback, seats kept 60 s after a drop
        server = RingsideServer.builder()
                .transport(t -> t.port(0).ioLoops(1).memoryBudgetBytes(64L << 20).maxBytesPerAddress(SHARE_BYTES)
                        .addressLimitsOnLoopback(true).shutdownTimeoutMs(500))
                .game(g -> g.shards(1).tickRateHz(30).maxJoinRequestBytes(256 * 1024))
                .room("held", EchoRoom::new, RoomOptions.builder().reconnectGraceMs(60_000).build())
                .build().start();
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        ClientEnvelope bigJoin = ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("held")
                .putOptions("blob", "x".repeat(OPTION_BYTES))).build();

        // when: the attacker's address joins with 200 KiB of options and drops the connection, ten times
        int seated = 0;
        int stopped = 0;
        for (int i = 0; i < CYCLES; i++) {
            try (RawGameClient client = new RawGameClient(server.port(), attacker)) {
                client.send(bigJoin);
                client.readUntil(ServerEnvelope::hasJoined);
                if (client.closeCode() == CloseCode.POLICY_VIOLATION) {
                    stopped++;
                } else if (client.count(ServerEnvelope::hasJoined) == 1) {
                    seated++;
                }
            } catch (IOException e) {
                stopped++; // refused in the handshake (503), or reset while it was still sending
            }
        }

        // then: its seats stop at about its share (each holds ~400 KiB), the rest are refused
        System.out.printf("attacker: %d seated, %d stopped; budget in use %d%n", seated, stopped,
                server.memoryBudgetUsedBytes());
        assertThat(seated).isBetween(1, 3);
        assertThat(stopped).isEqualTo(CYCLES - seated);

        // and a player from another address joins and plays
        try (RawGameClient player = new RawGameClient(server.port(), InetAddress.getByName("127.0.0.1"))) {
            player.send(ClientEnvelope.newBuilder().setJoin(JoinRequest.newBuilder().setRoomType("held")).build());
            player.readUntil(ServerEnvelope::hasJoined);
            assertThat(player.count(ServerEnvelope::hasJoined)).isEqualTo(1);
            player.send(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(1)
                    .setPayload(ByteString.copyFromUtf8("move"))).build());
            player.readUntil(ServerEnvelope::hasGame);
            assertThat(player.closeCode()).isZero();
            assertThat(player.count(ServerEnvelope::hasGame)).isEqualTo(1);
        }
    }

    /** A room that keeps seats through the grace and answers each message of type 1 with the same bytes. */
    public static final class EchoRoom extends Room {
        @Override
        protected void onCreate(Map<String, String> options) {
            messages().onRaw(1, (player, bytes, offset, length) ->
                    send(player, 1, BytesValue.of(ByteString.copyFrom(bytes, offset, length))));
        }
    }
}
