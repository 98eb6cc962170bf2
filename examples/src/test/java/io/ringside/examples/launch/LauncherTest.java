package io.ringside.examples.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the example servers print about where they listen. */
class LauncherTest {
    private static String printed(InetSocketAddress address) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launcher.printAddress(new PrintStream(out, true, StandardCharsets.UTF_8), "arena", address);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldSayPlainlyWhenListeningOnEveryInterface() {
        assertThat(printed(new InetSocketAddress(8080))).isEqualTo(
                "arena: listening on all interfaces, port 8080 (--bind 127.0.0.1 keeps it to this machine)"
                        + System.lineSeparator());
    }

    @Test
    void shouldNameTheAddressWhenBoundToOne() {
        assertThat(printed(new InetSocketAddress("127.0.0.1", 8080)))
                .isEqualTo("arena: listening on 127.0.0.1, port 8080" + System.lineSeparator());
    }
}
