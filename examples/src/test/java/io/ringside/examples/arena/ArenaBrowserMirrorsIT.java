package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.chromium.HeadlessChromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two headless Chromium pages in one arena room, read through the browser client's state mirror
 * itself ({@code client.mirror}, not the page's drawing): both mirrors hold both fighters under the
 * same entity ids, and when one player moves, the other page's mirror reports it with
 * {@code onChange(['x', ...])} and holds the new position. Runs in the {@code browser} profile.
 */
@Tag("slow")
@Timeout(90)
class ArenaBrowserMirrorsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FIGHTER = "ringside.examples.arena.Fighter";
    /** The mirror's fighters as [{id, playerId, x, y}]. */
    private static final String FIGHTERS = "const m = window.ringsideArena && window.ringsideArena.client.mirror;"
            + " return m ? [...m.entities('" + FIGHTER + "')].map(([id, f]) => ({id, playerId: f.playerId, x: f.x,"
            + " y: f.y})) : [];";

    private RingsideServer server;
    private HeadlessChromium alice;
    private HeadlessChromium bob;

    @BeforeEach
    void start() throws Exception {
        server = ArenaServer.builder(0, ArenaSettings.defaults().withBots(0).withWalls(List.of()), 4)
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
    void shouldShowOnePagesMovesInTheOtherPagesMirrorWhenBothAreInOneRoom() {
        // given: both mirrors hold both fighters
        alice.open(url("alice"));
        bob.open(url("bob"));
        String aliceId = (String) alice.await(WAIT, page -> {
            Object self = page.eval("return window.ringsideArena && window.ringsideArena.state().selfId");
            return self != null && fighters(page).size() == 2 ? self : null;
        });
        bob.await(WAIT, page -> fighters(page).size() == 2);
        Map<String, Object> seenByAlice = fighter(fighters(alice), aliceId);
        Map<String, Object> seenByBob = fighter(fighters(bob), aliceId);
        double startX = ((Number) seenByBob.get("x")).doubleValue();
        bob.eval("window.aliceChanges = []; window.ringsideArena.client.mirror.onChange('" + FIGHTER + "',"
                + " (f, fields, id) => { if (id === " + seenByBob.get("id") + ") window.aliceChanges.push(fields); "
                + "});");

        // when: alice walks towards the far side
        double direction = startX < 800 ? 1 : -1;
        alice.eval("window.ringsideArena.setInput({moveX: " + direction + ", moveY: 0})");

        // then: bob's mirror reports the change of x and holds the new position
        bob.await(WAIT, page -> Math.abs(((Number) fighter(fighters(page), aliceId).get("x")).doubleValue() - startX)
                > 60);
        @SuppressWarnings("unchecked")
        List<List<Object>> changes = (List<List<Object>>) bob.eval("return window.aliceChanges");
        assertThat(changes).as("onChange field lists").anySatisfy(fields -> assertThat(fields).contains("x"));
        assertThat(seenByBob.get("id")).as("one entity id for alice on both pages").isEqualTo(seenByAlice.get("id"));
        assertThat(fighters(bob)).extracting(f -> f.get("id"))
                .containsExactlyInAnyOrderElementsOf(fighters(alice).stream().map(f -> f.get("id")).toList());
    }

    private String url(String name) {
        return "http://127.0.0.1:" + server.port() + "/arena/?name=" + name;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fighters(HeadlessChromium page) {
        return (List<Map<String, Object>>) page.eval(FIGHTERS);
    }

    private static Map<String, Object> fighter(List<Map<String, Object>> fighters, String playerId) {
        return fighters.stream().filter(f -> playerId.equals(f.get("playerId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no fighter of " + playerId + " in " + fighters));
    }
}
