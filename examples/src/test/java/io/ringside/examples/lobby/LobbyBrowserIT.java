package io.ringside.examples.lobby;

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
 * The lobby page in two headless Chromium pages: one quick-joins, the other finds the table in the
 * list and joins it, they play to a win and chat, and the room closes itself; or they play a rematch
 * and one player's page goes away, which the other is told in words. Both pages draw the match from
 * their state mirror's callbacks. Screenshots in target/.
 */
@Tag("slow")
@Timeout(90)
class LobbyBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STATE = "return window.ringsideLobby && window.ringsideLobby.state()";

    private RingsideServer server;
    private HeadlessChromium alice;
    private HeadlessChromium bob;

    @BeforeEach
    void start() throws Exception {
        // the table closes 4 s after the match: long enough for the checks of the finished board on a
        // busy machine (at 1 s, Bob's page was sometimes already back in the lobby), short for the test;
        // a dropped player's seat is held 1 s
        server = LobbyServer.builder(0, 4000, 1000).transport(t -> t.ioLoops(1)).game(g -> g.shards(1))
                .build().start();
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
    void shouldPlayAMatchFromTheRoomListToTheRoomClosingWhenTwoPagesMeet() {
        // given
        meetAtTable();

        // when: X (alice) takes the top row while O (bob) plays the middle one
        play(alice, bob, 0, 3, 1, 4, 2);
        bob.type("#chat-input", "gg");
        bob.click("#chat-form button");

        // then
        alice.await(WAIT, page -> "PHASE_FINISHED".equals(phase(page)));
        alice.await(WAIT, page -> chat(page).stream().anyMatch(line -> "gg".equals(line.get("text"))));
        assertThat(match(alice).get("result")).isEqualTo("alice wins with three in a row");
        assertThat(match(bob).get("board")).isEqualTo("XXXOO....");
        assertThat(match(bob).get("winningCells")).isEqualTo(List.of(0L, 1L, 2L));
        assertThat(bob.eval("return [...document.querySelectorAll('#board button.win')].map(b => b.textContent)"))
                .isEqualTo(List.of("X", "X", "X"));
        Map<?, ?> callbacks = (Map<?, ?>) state(bob).get("callbacks");
        assertThat(((Number) callbacks.get("add")).intValue()).as("Game, 9 Cells, 2 Seats").isGreaterThanOrEqualTo(12);
        assertThat(((Number) callbacks.get("change")).intValue()).as("5 moves, turns, the result")
                .isGreaterThanOrEqualTo(5);
        alice.screenshot(Path.of("target", "lobby-alice.png"));
        bob.screenshot(Path.of("target", "lobby-bob.png"));
        Object notice = bob.await(WAIT,
                page -> "lobby".equals(state(page).get("view")) ? state(page).get("notice") : null);
        assertThat(notice).isEqualTo("The table has closed.");
    }

    @Test
    void shouldPlayARematchThenTellWhenTheOpponentsPageGoesAwayAndDoesNotComeBack() {
        // given: alice wins the first match
        meetAtTable();
        play(alice, bob, 0, 3, 1, 4, 2);
        bob.await(WAIT, page -> "PHASE_FINISHED".equals(phase(page)));

        // when: both ask for a rematch
        alice.await(WAIT, page -> page.eval("return !document.querySelector('#rematch').hidden"));
        alice.click("#rematch");
        Object asked = bob.await(WAIT, page -> text(page, "#rematch-status").isEmpty() ? null
                : text(page, "#rematch-status"));
        bob.click("#rematch");

        // then: a second match with bob as X
        bob.await(WAIT, page -> "PHASE_PLAYING".equals(phase(page)));
        assertThat(asked).isEqualTo("alice wants a rematch");
        Map<String, Object> rematch = match(alice);
        assertThat(rematch.get("round")).isEqualTo(2L);
        assertThat(rematch.get("board")).isEqualTo(".........");
        assertThat(rematch.get("turnId")).isEqualTo(state(bob).get("selfId"));
        assertThat(text(bob, "#match-status")).isEqualTo("Your move");
        assertThat(bob.eval("return document.querySelector('#rematch').hidden")).isEqualTo(true);

        // and when bob's browser goes away mid-match and stays away past the 1 s the table holds his seat
        play(bob, alice, 4);
        alice.await(WAIT, page -> "....X....".equals(match(page).get("board")));
        bob.close();
        bob = null;

        // then alice is told, in words, and wins
        alice.await(WAIT, page -> chat(page).stream().anyMatch(line ->
                "bob lost the connection; the table waits 1 s for them to come back".equals(line.get("text"))));
        alice.await(WAIT, page -> "PHASE_FINISHED".equals(phase(page)));
        assertThat(text(alice, "#match-status")).isEqualTo("bob did not come back within 1 s, so alice wins");
        assertThat(text(alice, "#rematch-status")).isEqualTo("bob has left the table: no rematch");
        assertThat(alice.eval("return document.querySelector('#rematch').disabled")).isEqualTo(true);
        assertThat(text(alice, "#seats")).contains("bob (left)");
        alice.screenshot(Path.of("target", "lobby-rematch-alice.png"));
    }

    /** Alice opens table "sunny", bob finds it in the list and joins: the match is on. */
    private void meetAtTable() {
        alice.open(url("alice"));
        bob.open(url("bob"));
        alice.await(WAIT, page -> Boolean.TRUE.equals(state(page).get("connected")));
        alice.type("#table", "sunny");
        alice.click("#quick-join");
        alice.await(WAIT, page -> "PHASE_WAITING".equals(phase(page)));
        bob.await(WAIT, page -> rooms(page).stream().anyMatch(r -> "sunny · alice waits".equals(r.get("label"))));
        bob.click("#rooms button");
        alice.await(WAIT, page -> "PHASE_PLAYING".equals(phase(page)));
    }

    /** {@code first} and {@code second} take turns clicking {@code cells}, each once their button is enabled. */
    private static void play(HeadlessChromium first, HeadlessChromium second, int... cells) {
        for (int i = 0; i < cells.length; i++) {
            HeadlessChromium mover = i % 2 == 0 ? first : second;
            String button = "#board button:nth-child(" + (cells[i] + 1) + ")";
            mover.await(WAIT, page -> page.eval("return !document.querySelector('" + button + "').disabled"));
            mover.click(button);
        }
    }

    private static String text(HeadlessChromium page, String css) {
        return String.valueOf(page.eval("return document.querySelector('" + css + "').textContent"));
    }

    private String url(String name) {
        return "http://127.0.0.1:" + server.port() + "/lobby/?name=" + name;
    }

    private static Map<String, Object> state(HeadlessChromium page) {
        return page.evalMap(STATE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> match(HeadlessChromium page) {
        return (Map<String, Object>) state(page).get("match");
    }

    private static Object phase(HeadlessChromium page) {
        Map<String, Object> match = match(page);
        return match == null ? null : match.get("phase");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rooms(HeadlessChromium page) {
        return (List<Map<String, Object>>) state(page).get("rooms");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> chat(HeadlessChromium page) {
        return (List<Map<String, Object>>) state(page).get("chat");
    }
}
