package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.chromium.HeadlessChromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The arena's browser client in two headless Chromium pages on one server: both join the same room,
 * one moves and fires (keyboard and mouse), the other sees it. Screenshots land in target/. Runs in the {@code browser}
 * profile (on where /usr/bin/chromium exists).
 */
@Tag("slow")
@Timeout(90)
class ArenaBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STATE = "return window.ringsideArena && window.ringsideArena.state()";

    private RingsideServer server;
    private HeadlessChromium alice;
    private HeadlessChromium bob;

    @BeforeEach
    void start() throws Exception {
        ArenaSettings settings = ArenaSettings.defaults().withBots(0)
                .withWalls(List.of(new Wall(40, 780, 160, 60), new Wall(1300, 60, 200, 40)));
        server = ArenaServer.builder(0, settings, 4)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
        alice = new HeadlessChromium();
        bob = new HeadlessChromium();
    }

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
        server.close();
    }

    @Test
    void shouldShowOnePlayersMovesAndShotsToTheOtherWhenBothPlayInOneRoom() {
        // given
        alice.open(url("alice"));
        bob.open(url("bob"));
        String aliceId = (String) alice.await(WAIT,
                page -> seesPlayers(page, 2) ? page.evalMap(STATE).get("selfId") : null);
        bob.await(WAIT, page -> seesPlayers(page, 2));
        double startX = position(bob.evalMap(STATE), aliceId).get("x");
        String key = startX < 800 ? "d" : "a";

        // when: real devices, as a person plays: hold the mouse button on the arena and a move key
        alice.actions().moveToElement(alice.find("#arena")).clickAndHold().keyDown(key).perform();

        // then
        bob.await(WAIT, page -> Math.abs(position(page.evalMap(STATE), aliceId).get("x") - startX) > 60);
        List<?> shots = bob.await(WAIT, page -> {
            List<?> projectiles = (List<?>) page.evalMap(STATE).get("projectiles");
            boolean hers = projectiles.stream().anyMatch(p -> aliceId.equals(((Map<?, ?>) p).get("ownerId")));
            return hers ? projectiles : null;
        });
        assertThat(shots).isNotEmpty();
        Map<String, Object> aliceState = alice.evalMap(STATE);
        long snapshots = ((Number) aliceState.get("snapshots")).longValue();
        assertThat(snapshots).isPositive();
        assertThat(((Number) aliceState.get("corrections")).longValue())
                .as("prediction agrees with the server").isLessThan(snapshots / 4);
        assertThat(((Number) aliceState.get("rttMs")).doubleValue()).isNotNaN();
        alice.screenshot(Path.of("target", "arena-alice.png"));
        bob.screenshot(Path.of("target", "arena-bob.png"));
    }

    @Test
    void shouldShowTheCloseReasonAndOfferToReconnectWhenTheServerGoesAway() {
        // given
        alice.open(url("alice"));
        alice.await(WAIT, page -> seesPlayers(page, 1));

        // when
        server.close();

        // then
        String status = alice.await(WAIT, page -> {
            Object text = page.eval("return document.getElementById('status').hidden ? null"
                    + " : document.getElementById('status-text').textContent");
            return text != null && text.toString().startsWith("Disconnected") ? text.toString() : null;
        });
        assertThat(status).startsWith("Disconnected (1001");
        assertThat(alice.eval("return document.getElementById('status-retry').hidden")).isEqualTo(false);
        alice.screenshot(Path.of("target", "arena-server-gone.png"));
    }

    private String url(String name) {
        return "http://127.0.0.1:" + server.port() + "/arena/?name=" + name;
    }

    private static boolean seesPlayers(HeadlessChromium page, int count) {
        Map<String, Object> state = page.evalMap(STATE);
        return state != null && Boolean.TRUE.equals(state.get("joined"))
                && ((List<?>) state.get("players")).size() == count;
    }

    private static Map<String, Double> position(Map<String, Object> state, String id) {
        for (Object player : (List<?>) state.get("players")) {
            Map<?, ?> p = (Map<?, ?>) player;
            if (id.equals(p.get("id"))) {
                return Map.of("x", ((Number) p.get("x")).doubleValue(), "y", ((Number) p.get("y")).doubleValue());
            }
        }
        throw new AssertionError("no player " + id + " in " + state);
    }
}
