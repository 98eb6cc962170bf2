package io.ringside.engine.client;

import static io.ringside.engine.client.Events.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.QueueingListener.Kind;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.transport.TestCertificates;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java client and GameClient over wss:// against a RingsideServer keyed with a test certificate. */
@Timeout(60)
class ClientTlsIT {
    private static final long WAIT_SECONDS = 10;
    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static RingsideServer server;
    private static WebSocketClient client;
    private static ConnectConfig trusting;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(dir, "client-tls");
        // TLS only, on the server's one port
        server = RingsideServer.builder().transport(t -> t.port(0).ioLoops(1)
                        .tls(x -> x.certificateChain(certificates.certificatePem()).privateKey(certificates.keyPem())))
                .game(g -> g.shards(1))
                .room("arena", ArenaTestRoom::new, RoomOptions.builder().capacity(4).build())
                .build().start();
        client = WebSocketClient.start();
        trusting = ConnectConfig.builder().sslContext(certificates.clientContext())
                .subprotocol(GameClientConfig.SUBPROTOCOL).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static URI uri(String host) {
        return URI.create("wss://" + host + ":" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 400})
    void shouldJoinAndChatWhenTheGameClientConnectsOverWss(int chatBytes) throws Exception {
        // given
        GameEvents events = new GameEvents();
        GameClient game = GameClient.create(client, uri("localhost"),
                GameClientConfig.builder().connectConfig(trusting).build(), events);
        game.on(ArenaTestRoom.CHAT, StringValue.parser(), (c, m) -> events.record("chat " + m.getValue().length()));
        game.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        GameRoom room = game.joinOrCreate("arena", Map.of(), "").get(WAIT_SECONDS, TimeUnit.SECONDS);

        // when
        assertThat(game.send(ArenaTestRoom.CHAT, StringValue.of("x".repeat(chatBytes)))).isTrue();

        // then
        events.expect("joined arena " + room.roomId());
        events.expect("chat " + (room.sessionId().length() + 2 + chatBytes));
        game.close();
    }

    @Test
    void shouldPingAndCloseCleanlyOverWss() throws Exception {
        // given
        QueueingListener listener = new QueueingListener();
        ClientConnection connection = client.connect(uri("127.0.0.1"), trusting, listener)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        byte[] payload = new byte[100];
        new Random(1).nextBytes(payload);

        // when
        connection.ping(ByteBuffer.wrap(payload));

        // then
        expect(listener, Kind.OPEN);
        assertThat(expect(listener, Kind.PONG).data()).isEqualTo(payload);
        connection.close(1000, "bye");
        assertThat(expect(listener, Kind.CLOSE).code()).isEqualTo(1000);
    }

    @Test
    void shouldFailTheConnectWhenTheCertificateIsNotTrusted() {
        // given: the JDK's default trust, which does not know the test certificate
        ConnectConfig untrusting = ConnectConfig.builder().subprotocol(GameClientConfig.SUBPROTOCOL).build();

        // when
        var future = client.connect(uri("localhost"), untrusting, new QueueingListener());

        // then
        assertThat(future).failsWithin(WAIT_SECONDS, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(SSLHandshakeException.class)
                .withStackTraceContaining("unable to find valid certification path");
    }

    @Test
    void shouldFailTheConnectWhenTheHostNameDoesNotMatch() throws Exception {
        // given: a name the certificate was not issued for
        URI other = URI.create("wss://127.0.0.2:" + server.port() + RingsideServer.DEFAULT_ENDPOINT_PATH);

        // when
        var future = client.connect(other, trusting, new QueueingListener());

        // then
        assertThat(future).failsWithin(WAIT_SECONDS, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(SSLHandshakeException.class);
    }
}
