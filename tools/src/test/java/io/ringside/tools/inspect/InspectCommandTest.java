package io.ringside.tools.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.Ping;
import io.ringside.tools.ToolRun;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    private static final String RESOURCES = "src/test/resources/inspect/";
    private static final String UPGRADE = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    @Test
    void shouldShowMaskKeyAndUnmaskedTextWhenInputIsTheRfcMaskedExampleRaw() {
        // when
        ToolRun run = ToolRun.run(new byte[0], "inspect", RESOURCES + "rfc6455-5.7-masked-hello.bin");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("c->s frame #1 @0 TEXT fin=1 rsv=000 len=5 mask=37fa213d \"Hello\""
                + System.lineSeparator());
    }

    @Test
    void shouldDecodeEveryRfcExampleWhenInputIsAHexDump() {
        // when
        ToolRun server = ToolRun.run(new byte[0], "inspect", "--role", "client", RESOURCES + "rfc6455-5.7-server.hex");
        ToolRun client = ToolRun.run(new byte[0], "inspect", "--format", "hex", RESOURCES + "rfc6455-5.7-client.xxd");

        // then
        assertThat(server.exitCode()).isZero();
        assertThat(server.out()).contains(
                "s->c frame #1 @0 TEXT fin=1 rsv=000 len=5 unmasked \"Hello\"",
                "s->c frame #2 @7 TEXT fin=0 rsv=000 len=3 unmasked \"Hel\"",
                "s->c frame #3 @12 CONTINUATION(TEXT) fin=1 rsv=000 len=2 unmasked \"lo\"",
                "s->c   message TEXT 5 bytes from 2 frames: \"Hello\"",
                "s->c frame #4 @16 PING fin=1 rsv=000 len=5 unmasked [48 65 6c 6c 6f]");
        assertThat(client.exitCode()).isZero();
        assertThat(client.out()).contains(
                "c->s frame #1 @0 TEXT fin=1 rsv=000 len=5 mask=37fa213d \"Hello\"",
                "c->s frame #2 @11 PONG fin=1 rsv=000 len=5 mask=37fa213d [48 65 6c 6c 6f]");
    }

    @Test
    void shouldReport1002WhenAClientFrameIsUnmasked() {
        // when
        ToolRun run = ToolRun.run(new byte[0], "inspect", RESOURCES + "unmasked-client-frame.bin");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("VIOLATION at byte 1: unmasked frame from a client -> close 1002 PROTOCOL_ERROR",
                "5 bytes after that point not decoded");
    }

    @Test
    void shouldReport1007AfterTheFrameHeaderWhenTextIsNotUtf8() {
        // given: a server's text frame with the bytes C0 AF (an overlong encoding)
        byte[] frame = {(byte) 0x81, 0x02, (byte) 0xc0, (byte) 0xaf};

        // when
        ToolRun run = ToolRun.run(frame, "inspect", "--role", "client", "--format", "raw", "-");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("INCOMPLETE: 1 of 2 payload bytes (violation)", "-> close 1007 INVALID_PAYLOAD");
    }

    @Test
    void shouldShowHandshakeAndEnvelopeWhenStreamStartsWithTheUpgrade() {
        // given
        byte[] envelope = ClientEnvelope.newBuilder().setPing(Ping.newBuilder().setClientTime(42)).build()
                .toByteArray();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(UPGRADE.getBytes(StandardCharsets.US_ASCII));
        stream.write(0x82);
        stream.write(0x80 | envelope.length);
        stream.writeBytes(new byte[4]);
        stream.writeBytes(envelope);

        // when
        ToolRun run = ToolRun.run(stream.toByteArray(), "inspect", "--envelope", "-");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("c->s HTTP request (161 bytes)", "c->s   | Sec-WebSocket-Version: 13",
                "=> valid WebSocket upgrade request", "c->s frame #1 @161 BINARY",
                "c->s   envelope: ClientEnvelope { ping { client_time: 42 } }");
    }

    @Test
    void shouldGiveTheHttpStatusWhenTheUpgradeWouldBeRefused() {
        // given
        String request = UPGRADE.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8");

        // when
        ToolRun run = ToolRun.run(request.getBytes(StandardCharsets.US_ASCII), "inspect", "-");

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("HANDSHAKE REFUSED: a server answers HTTP 426");
    }

    @Test
    void shouldInterleaveBothDirectionsWhenInputIsAPcap(@TempDir Path dir) throws Exception {
        // given
        byte[] response = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] pcap = new PcapBuilder(ByteOrder.BIG_ENDIAN)
                .segment(true, 1, TcpSegment.SYN, new byte[0])
                .segment(false, 500, TcpSegment.SYN | TcpSegment.ACK, new byte[0])
                .segment(true, 2, TcpSegment.ACK, UPGRADE.getBytes(StandardCharsets.US_ASCII))
                .segment(false, 501, TcpSegment.ACK, response)
                .segment(true, 2 + UPGRADE.length(), TcpSegment.ACK, Files.readAllBytes(
                        Path.of(RESOURCES + "rfc6455-5.7-masked-hello.bin")))
                .segment(false, 501 + response.length, TcpSegment.ACK, new byte[] {(byte) 0x81, 2, 'h', 'i'})
                .build();
        Path file = dir.resolve("session.pcap");
        Files.write(file, pcap);

        // when
        ToolRun run = ToolRun.run(new byte[0], "inspect", file.toString());

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence("TCP connection 127.0.0.1:50000 (client) -> 127.0.0.2:9001 (server)",
                "c->s HTTP request", "s->c HTTP response", "switching to WebSocket (accept value matches the key)",
                "c->s frame #1 @161 TEXT fin=1 rsv=000 len=5 mask=37fa213d \"Hello\"",
                "s->c frame #1 @", "\"hi\"");
    }

    @Test
    void shouldExitWith2WhenTheFileCannotBeRead() {
        // when
        ToolRun run = ToolRun.run(new byte[0], "inspect", "--format", "pcap", RESOURCES + "rfc6455-5.7-server.hex");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad magic");
    }

    @Test
    void shouldSayTheFileDoesNotExistWhenItIsMissing(@TempDir Path dir) {
        // given
        Path missing = dir.resolve("no-such-capture.pcap");

        // when
        ToolRun run = ToolRun.run(new byte[0], "inspect", missing.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("inspect: no such file: " + missing);
    }

    @Test
    void shouldSayWhyWhenTheInputIsADirectory(@TempDir Path dir) {
        // when
        ToolRun run = ToolRun.run(new byte[0], "inspect", dir.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("inspect: cannot read " + dir).contains("directory");
    }
}
