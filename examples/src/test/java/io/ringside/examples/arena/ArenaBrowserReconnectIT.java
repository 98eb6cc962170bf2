package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.chromium.HeadlessChromium;
import io.ringside.examples.envelope.EnvelopeClient;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The arena page after a dropped connection, in headless Chromium against a real server holding
 * seats for 10 s: the page takes its ship back with the reconnect token, joins afresh when the token
 * is refused, and stays put when another connection takes its seat over (close 4000). Runs in the
 * {@code browser} profile.
 */
@Tag("slow")
@Timeout(90)
class ArenaBrowserReconnectIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STATE = "return window.ringsideArena && window.ringsideArena.state()";
    private static final String DROP = "window.ringsideArena.client.socket.close(4001, 'test drop')";

    private RingsideServer server;
    private HeadlessChromium page;

    @BeforeEach
    void start() throws Exception {
        ArenaSettings settings = ArenaSettings.defaults().withBots(0).withWalls(List.of());
        server = ArenaServer.builder(0, settings, 4, 10_000)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
        page = new HeadlessChromium();
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
        server.close();
    }

    @Test
    void shouldTakeTheSameShipBackWhenThePageReconnectsAfterADrop() {
        // given
        Map<String, Object> before = joinedWithShip();
        String sessionId = (String) before.get("sessionId");
        Map<?, ?> ship = player(before, sessionId);

        // when
        page.eval(DROP);

        // then
        Map<String, Object> after = page.await(WAIT, p -> {
            Map<String, Object> state = p.evalMap(STATE);
            return count(state, "resumed") == 1 && player(state, sessionId) != null ? state : null;
        });
        assertThat(after.get("sessionId")).isEqualTo(sessionId);
        assertThat(count(after, "fresh")).as("only the first join was a fresh one").isEqualTo(1);
        assertThat(after.get("lastStatus")).isEqualTo("Back in the game");
        Map<?, ?> shipAfter = player(after, sessionId);
        assertThat(shipAfter.get("away")).isEqualTo(false);
        assertThat(((Number) shipAfter.get("x")).doubleValue()).as("the same ship, where it stood, not a respawn")
                .isEqualTo(((Number) ship.get("x")).doubleValue());
        page.screenshot(Path.of("target", "arena-resumed.png"));
    }

    @Test
    void shouldJoinAfreshWhenTheReconnectTokenIsRefused() {
        // given: a token the server never issued
        String sessionId = (String) joinedWithShip().get("sessionId");
        page.eval("const seat = window.ringsideArena.client.seat;"
                + " seat.token = seat.token.split('').reverse().join('')");

        // when
        page.eval(DROP);

        // then: a new session; the old ship waits, away, for a reconnect that will not come
        Map<String, Object> after = page.await(WAIT, p -> {
            Map<String, Object> state = p.evalMap(STATE);
            return count(state, "fresh") == 2 && state.get("selfId") != null
                    && !sessionId.equals(state.get("selfId")) && player(state, sessionId) != null ? state : null;
        });
        assertThat(after.get("sessionId")).isNotEqualTo(sessionId);
        assertThat(count(after, "resumed")).isZero();
        assertThat(after.get("lastStatus")).isEqualTo("Joined a new game (the old seat was gone)");
        assertThat(player(after, sessionId).get("away")).isEqualTo(true);
        page.screenshot(Path.of("target", "arena-joined-afresh.png"));
    }

    @Test
    void shouldStayDisconnectedWhenAnotherConnectionTakesTheSeatOver() throws Exception {
        // given
        Map<String, Object> joined = joinedWithShip();
        String roomId = (String) page.eval("return window.ringsideArena.client.room.roomId");
        String token = (String) page.eval("return window.ringsideArena.client.seat.token");
        EnvelopeClient other = EnvelopeClient.connect(HttpClient.newHttpClient(), server.port());

        // when: another connection presents the page's token while the page is still connected
        other.join(JoinRequest.newBuilder().setRoomId(roomId).setReconnectToken(token));

        // then: the seat moved, and the page says so and does not try to take it back
        ServerEnvelope taken = other.next(ServerEnvelope.BodyCase.JOINED);
        assertThat(taken.getJoined().getSessionId()).isEqualTo(joined.get("sessionId"));
        String status = page.await(WAIT, p -> (String) p.evalMap(STATE).get("status"));
        assertThat(status).startsWith("Playing in another tab or window now (4000");
        assertThat(page.eval("return document.getElementById('status-retry').textContent")).isEqualTo("Play here");
        // longer than the first reconnect backoff (500 ms): a reconnect would have happened by now
        other.next(ServerEnvelope.BodyCase.GAME);
        TimeUnit.MILLISECONDS.sleep(1500);
        Map<String, Object> after = page.evalMap(STATE);
        assertThat(after.get("joined")).isEqualTo(false);
        assertThat(count(after, "fresh")).isEqualTo(1);
        assertThat(page.eval("return window.ringsideArena.client.connected")).isEqualTo(false);
        page.screenshot(Path.of("target", "arena-taken-over.png"));
        other.close();
    }

    /** Opens the page and waits until it is joined and sees its own ship in a snapshot. */
    private Map<String, Object> joinedWithShip() {
        page.open("http://127.0.0.1:" + server.port() + "/arena/?name=alice");
        return page.await(WAIT, p -> {
            Map<String, Object> state = p.evalMap(STATE);
            boolean ready = state != null && Boolean.TRUE.equals(state.get("joined"))
                    && player(state, (String) state.get("sessionId")) != null;
            return ready ? state : null;
        });
    }

    private static long count(Map<String, Object> state, String kind) {
        return ((Number) ((Map<?, ?>) state.get("joins")).get(kind)).longValue();
    }

    private static Map<?, ?> player(Map<String, Object> state, String id) {
        for (Object player : (List<?>) state.get("players")) {
            Map<?, ?> p = (Map<?, ?>) player;
            if (p.get("id").equals(id)) {
                return p;
            }
        }
        return null;
    }
}
