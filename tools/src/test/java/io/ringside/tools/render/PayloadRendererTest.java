package io.ringside.tools.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.websocket.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadRendererTest {
    private final PayloadRenderer renderer = new PayloadRenderer(4);

    @Test
    void shouldTruncateAndSayHowMuchWhenPayloadIsOverTheLimit() {
        // given
        byte[] bytes = "Hello".getBytes(StandardCharsets.UTF_8);

        // when
        String text = renderer.render(Opcode.TEXT, bytes, 5, 5);
        String hex = renderer.render(Opcode.BINARY, bytes, 5, 5);

        // then
        assertThat(text).isEqualTo("\"Hell\" ...(truncated, 1 more bytes)");
        assertThat(hex).isEqualTo("[48 65 6c 6c] ...(truncated, 1 more bytes)");
    }

    @Test
    void shouldEscapeWhenTextHasControlCharacters() {
        assertThat(PayloadRenderer.quote("a\"b\\\n\u0001")).isEqualTo("\"a\\\"b\\\\\\n\\u0001\"");
    }

    @Test
    void shouldNameCodeAndReasonWhenRenderingACloseBody() {
        // given
        byte[] body = {0x03, (byte) 0xe9, 'b', 'y', 'e'};

        // when / then
        assertThat(PayloadRenderer.close(body, 5)).isEqualTo("1001 GOING_AWAY \"bye\"");
        assertThat(PayloadRenderer.close(body, 0)).contains("1005");
    }

    @Test
    void shouldPrintTextFormatWhenBinaryIsAnEnvelope() {
        // given
        byte[] bytes = ClientEnvelope.newBuilder()
                .setJoin(JoinRequest.newBuilder().setRoomType("arena")).build().toByteArray();

        // when
        String text = PayloadRenderer.envelope(PayloadRenderer.Envelope.CLIENT, ByteBuffer.wrap(bytes), 0,
                bytes.length);
        String bad = PayloadRenderer.envelope(PayloadRenderer.Envelope.SERVER,
                ByteBuffer.wrap(new byte[] {(byte) 0xff}), 0, 1);

        // then
        assertThat(text).isEqualTo("ClientEnvelope { join { room_type: \"arena\" } }");
        assertThat(bad).startsWith("not a ServerEnvelope");
    }
}
