package io.ringside.examples.arena;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.chromium.HeadlessChromium;
import io.ringside.examples.chromium.SelfSignedCertificate;
import io.ringside.protocol.deflate.DeflatePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arena page over {@code https://} in headless Chromium (which accepts the self-signed test
 * certificate with {@code --ignore-certificate-errors}): the page opens {@code wss://} by itself and
 * plays, with permessage-deflate on and off, while the plain port keeps serving beside it. Runs in
 * the {@code browser} profile (where /usr/bin/chromium exists).
 */
@Tag("slow")
@Timeout(120)
class ArenaTlsBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STATE = "return window.ringsideArena && window.ringsideArena.state()";

    @TempDir
    Path dir;
    private RingsideServer server;
    private HeadlessChromium page;

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldPlayOverWssWhenThePageIsServedOverHttps(boolean deflate) throws Exception {
        // given
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
        RingsideServer.Builder builder = ArenaServer.builder(0, ArenaSettings.defaults().withBots(4), 8)
                .transport(t -> t.ioLoops(1).tls(x -> x.certificateChain(certificate.certificate())
                        .privateKey(certificate.key()).port(0)))
                .game(g -> g.shards(1));
        if (deflate) {
            builder.endpoint(e -> e.deflate(DeflatePolicy.builder().minMessageBytes(64).build()));
        }
        server = builder.build().start();
        page = new HeadlessChromium(1280, 720, "--ignore-certificate-errors");

        // when
        page.open("https://127.0.0.1:" + server.tlsPort() + "/arena/?name=secure");
        page.await(WAIT, p -> {
            Map<String, Object> state = p.evalMap(STATE);
            return state != null && Boolean.TRUE.equals(state.get("joined"))
                    && ((Number) state.get("snapshots")).longValue() > 30;
        });
        page.eval("const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws');"
                + " ws.onopen = () => { window.socketUrl = ws.url; window.negotiated = ws.extensions; ws.close(); };"
                + " return null;");
        Object url = page.await(WAIT, p -> p.eval("return window.socketUrl || null"));

        // then
        assertThat((String) url).startsWith("wss://127.0.0.1:" + server.tlsPort());
        assertThat(page.eval("return window.negotiated")).isEqualTo(deflate
                ? "permessage-deflate; server_no_context_takeover; client_no_context_takeover" : "");
        assertThat(((Number) page.evalMap(STATE).get("rttMs")).doubleValue()).isNotNaN();
        assertThat(page.console()).doesNotContainIgnoringCase("error");
        assertThat(server.transportMetrics().refusedByReason().get("tls_handshake")).isZero();
    }
}
