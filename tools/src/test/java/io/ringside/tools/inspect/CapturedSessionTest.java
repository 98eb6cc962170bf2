package io.ringside.tools.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.tools.ToolRun;
import org.junit.jupiter.api.Test;

/** The inspector on pcap files captured with tcpdump from real sessions (see the test resources' README). */
class CapturedSessionTest {
    private static final String RESOURCES = "src/test/resources/inspect/";

    @Test
    void shouldDecodeBothDirectionsInTimeOrderWhenPcapHoldsAnEchoSession() {
        // when
        ToolRun run = ToolRun.run(new byte[0], "inspect", "--envelope", RESOURCES + "echo-session.pcap");

        // then
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsSubsequence(
                "(client) -> 127.0.0.1:",
                "c->s HTTP request (154 bytes)", "c->s   | GET / HTTP/1.1",
                "c->s   => valid WebSocket upgrade request",
                "s->c   | HTTP/1.1 101 Switching Protocols",
                "s->c   => switching to WebSocket (accept value matches the key)",
                "c->s frame #1 @154 TEXT fin=1 rsv=000 len=14 mask=", "\"hello ringside\"",
                "s->c frame #1 @129 TEXT fin=1 rsv=000 len=14 unmasked \"hello ringside\"",
                "c->s frame #2 @174 BINARY", "[01 02 03 ff]",
                "c->s   envelope: not a ClientEnvelope",
                "c->s   envelope: ClientEnvelope { ping { client_time: 7 } }",
                "s->c   envelope: ServerEnvelope { pong { client_time: 7 } }",
                "c->s frame #4 @194 PING", "s->c frame #4 @157 PONG",
                "c->s frame #5 @213 CLOSE fin=1 rsv=000 len=6 mask=", "4000 APPLICATION \"done\"",
                "s->c frame #5 @172 CLOSE fin=1 rsv=000 len=2 unmasked 4000 APPLICATION \"\"");
        assertThat(run.out()).doesNotContain("VIOLATION", "INCOMPLETE", "note:");
    }

    @Test
    void shouldStopAtTheRefusalWhenPcapHoldsA404Upgrade() {
        // when
        ToolRun run = ToolRun.run(new byte[0], "inspect", RESOURCES + "refused-upgrade.pcap");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsSubsequence("c->s   | GET /chat?room=1 HTTP/1.1",
                "s->c   | HTTP/1.1 404 Not Found",
                "s->c   => upgrade REFUSED with HTTP 404; what follows is the response body",
                "s->c 34 bytes after that point not decoded");
    }
}
