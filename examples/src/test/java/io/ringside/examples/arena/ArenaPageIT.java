package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.chromium.HeadlessChromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The arena page as a player sees it, in headless Chromium: at 800×500 nothing covers the field and
 * names stay readable; the HUD shows the reader's own health and score; the name field renames; hits,
 * deaths and respawns are shown; counters drop when the connection does; the page has a favicon.
 */
@Tag("slow")
@Timeout(120)
class ArenaPageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STATE = "return window.ringsideArena && window.ringsideArena.state()";

    private RingsideServer server;
    private HeadlessChromium alice;
    private HeadlessChromium bob;

    @BeforeEach
    void start() throws Exception {
        ArenaSettings settings = ArenaSettings.defaults().withBots(0).withWalls(List.of());
        server = ArenaServer.builder(0, settings, 4)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
        alice = new HeadlessChromium(800, 500);
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
    void shouldLeaveTheFieldUncoveredAndNamesReadableInASmallWindow() throws Exception {
        // when
        alice.open(url("alice"));
        alice.await(WAIT, page -> joinedWithPlayers(page, 1));

        // then
        Map<String, Object> canvas = rect(alice, "#arena");
        for (String panel : List.of("header.bar", "aside.scoreboard", "footer.help")) {
            assertThat(overlaps(canvas, rect(alice, panel))).as("%s covers the field", panel).isFalse();
        }
        assertThat(((Number) canvas.get("width")).doubleValue()).as("field width").isGreaterThan(400);
        assertThat(((Number) alice.evalMap(STATE).get("nameFontCssPx")).doubleValue())
                .as("names in CSS pixels").isGreaterThanOrEqualTo(11.9);
        assertThat(alice.eval("return document.querySelector('link[rel=icon]').getAttribute('href')"))
                .isEqualTo("/favicon.svg");
        HttpResponse<String> favicon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/favicon.svg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("image/svg+xml"));
        alice.screenshot(Path.of("target", "arena-800x500.png"));
    }

    @Test
    void shouldShowOwnHealthAndScoreAndRenameFromTheNameField() {
        // given
        alice.open(url("alice"));
        alice.await(WAIT, page -> joinedWithPlayers(page, 1));

        // when
        alice.await(WAIT, page -> "100/100".equals(text(page, "self-health")) ? true : null);
        String score = text(alice, "self-score");
        alice.find("#name").clear();
        alice.type("#name", "carol");
        alice.click("#name-form button");

        // then: the page comes back under the new name and joins with it (the old ship may linger, away,
        // for the reconnect grace); the name's letters were typed, not taken as moves (a, s, d, w)
        assertThat(score).isEqualTo("0");
        alice.await(WAIT, page -> {
            Map<String, Object> state = page.evalMap(STATE);
            return state != null && "carol".equals(state.get("name")) && Boolean.TRUE.equals(state.get("joined"))
                    && text(page, "scores").contains("carol") ? true : null;
        });
        assertThat(alice.eval("return location.search")).isEqualTo("?name=carol");
    }

    @Test
    void shouldShowHitsDeathAndRespawnToBothPlayers() throws Exception {
        // given: alice stands still, bob walks up to her and fires at her
        alice.open(url("alice"));
        bob = new HeadlessChromium(800, 500);
        bob.open(url("bob"));
        String aliceId = (String) alice.await(WAIT,
                page -> joinedWithPlayers(page, 2) ? page.evalMap(STATE).get("selfId") : null);
        bob.await(WAIT, page -> joinedWithPlayers(page, 2));

        // when
        Map<String, Object> feedback = alice.await(WAIT, page -> {
            aimAndFire(bob, aliceId);
            Map<?, ?> seen = (Map<?, ?>) page.evalMap(STATE).get("feedback");
            return ((Number) seen.get("selfRespawns")).intValue() >= 1 ? page.evalMap(STATE) : null;
        });

        // then
        Map<?, ?> hers = (Map<?, ?>) feedback.get("feedback");
        assertThat(((Number) hers.get("selfHits")).intValue()).isPositive();
        assertThat(((Number) hers.get("selfDeaths")).intValue()).isPositive();
        Map<?, ?> his = (Map<?, ?>) bob.evalMap(STATE).get("feedback");
        assertThat(((Number) his.get("hits")).intValue()).isPositive();
        assertThat(((Number) his.get("deaths")).intValue()).isPositive();
        bob.screenshot(Path.of("target", "arena-fight.png"));
    }

    @Test
    void shouldClearRttAndStateRateWhenDisconnected() {
        // given
        alice.open(url("alice"));
        alice.await(WAIT, page -> joinedWithPlayers(page, 1) && text(page, "rtt").endsWith("ms")
                && !"0/s".equals(text(page, "snapshot-rate")) ? true : null);

        // when
        server.close();

        // then
        alice.await(WAIT, page -> "–".equals(text(page, "rtt")) && "0/s".equals(text(page, "snapshot-rate"))
                ? true : null);
    }

    /** Points bob's input at alice: walk closer until in easy range, then aim and fire. */
    private static Boolean aimAndFire(HeadlessChromium shooter, String targetId) {
        Map<String, Object> state = shooter.evalMap(STATE);
        Map<?, ?> self = (Map<?, ?>) state.get("self");
        Map<?, ?> target = player(state, targetId);
        if (self == null || target == null) {
            return null;
        }
        double dx = ((Number) target.get("x")).doubleValue() - ((Number) self.get("x")).doubleValue();
        double dy = ((Number) target.get("y")).doubleValue() - ((Number) self.get("y")).doubleValue();
        boolean close = Math.hypot(dx, dy) < 400;
        shooter.eval(String.format(java.util.Locale.ROOT,
                "window.ringsideArena.setInput({moveX: %d, moveY: %d, aim: %f, fire: %b})",
                close ? 0 : (int) Math.signum(Math.round(dx)), close ? 0 : (int) Math.signum(Math.round(dy)),
                Math.atan2(dy, dx), close));
        return null;
    }

    private static Map<?, ?> player(Map<String, Object> state, String id) {
        for (Object p : (List<?>) state.get("players")) {
            if (id.equals(((Map<?, ?>) p).get("id"))) {
                return (Map<?, ?>) p;
            }
        }
        return null;
    }

    private String url(String name) {
        return "http://127.0.0.1:" + server.port() + "/arena/?name=" + name;
    }

    private static boolean joinedWithPlayers(HeadlessChromium page, int count) {
        Map<String, Object> state = page.evalMap(STATE);
        return state != null && Boolean.TRUE.equals(state.get("joined"))
                && ((List<?>) state.get("players")).size() == count;
    }

    private static String text(HeadlessChromium page, String id) {
        Object text = page.eval("return document.getElementById('" + id + "').textContent");
        return text == null ? "" : text.toString();
    }

    private static Map<String, Object> rect(HeadlessChromium page, String css) {
        return page.evalMap("const r = document.querySelector('" + css + "').getBoundingClientRect();"
                + " return {left: r.left, top: r.top, width: r.width, height: r.height};");
    }

    private static boolean overlaps(Map<String, Object> a, Map<String, Object> b) {
        double al = num(a, "left");
        double at = num(a, "top");
        double bl = num(b, "left");
        double bt = num(b, "top");
        return al < bl + num(b, "width") && bl < al + num(a, "width")
                && at < bt + num(b, "height") && bt < at + num(a, "height");
    }

    private static double num(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
