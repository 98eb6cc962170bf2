package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.envelope.EnvelopeClient;
import io.ringside.examples.lobby.LobbyServer;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The arena server as its command runs it ({@link ArenaServer#withLobby}): every page the index
 * links to is served, and a client joins an arena and a tic-tac-toe table on the same server.
 */
@Timeout(30)
class ArenaWithLobbyIT {
    private static final Pattern LINK = Pattern.compile("href=\"(/[a-z]+/)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private RingsideServer server;
    private EnvelopeClient arena;
    private EnvelopeClient lobby;

    @BeforeEach
    void start() throws Exception {
        server = ArenaServer.withLobby(ArenaServer.builder(0, ArenaSettings.defaults().withBots(0), 4))
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
    }

    @AfterEach
    void stop() {
        if (arena != null) {
            arena.close();
        }
        if (lobby != null) {
            lobby.close();
        }
        server.close();
    }

    @Test
    void shouldServeEveryPageTheIndexLinksTo() throws Exception {
        // given
        HttpResponse<String> index = get("/");
        Matcher links = LINK.matcher(index.body());

        // when / then
        assertThat(index.statusCode()).isEqualTo(200);
        int count = 0;
        while (links.find()) {
            count++;
            assertThat(get(links.group(1)).statusCode()).as("GET %s", links.group(1)).isEqualTo(200);
        }
        assertThat(count).as("links on the index page").isEqualTo(2);
        assertThat(index.body()).contains("href=\"/arena/\"", "href=\"/lobby/\"");
    }

    @Test
    void shouldSeatOneClientInAnArenaAndAnotherAtATicTacToeTable() throws Exception {
        // given
        arena = EnvelopeClient.connect(http, server.port());
        lobby = EnvelopeClient.connect(http, server.port());

        // when
        arena.join(JoinRequest.newBuilder().setRoomType(ArenaServer.ROOM_TYPE).putOptions("name", "ann"));
        lobby.join(JoinRequest.newBuilder().setRoomType(LobbyServer.ROOM_TYPE).putOptions("name", "bob"));
        ServerEnvelope arenaJoin = arena.next(env -> env.hasJoined() || env.hasError());
        ServerEnvelope lobbyJoin = lobby.next(env -> env.hasJoined() || env.hasError());

        // then
        assertThat(arenaJoin.getBodyCase()).as("arena: %s", arenaJoin).isEqualTo(BodyCase.JOINED);
        assertThat(arenaJoin.getJoined().getRoomType()).isEqualTo(ArenaServer.ROOM_TYPE);
        assertThat(lobbyJoin.getBodyCase()).as("lobby: %s", lobbyJoin).isEqualTo(BodyCase.JOINED);
        assertThat(lobbyJoin.getJoined().getRoomType()).isEqualTo(LobbyServer.ROOM_TYPE);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
