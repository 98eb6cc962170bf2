package io.ringside.tools.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpReassemblerTest {
    private static final int SYN = TcpSegment.SYN;
    private static final int ACK = TcpSegment.ACK;

    @Test
    void shouldDeliverEachByteOnceInOrderWhenSegmentsAreReorderedAndRetransmitted() {
        // given: client ISN 0xFFFFFFF0 so the sequence numbers wrap around 2^32
        long isn = 0xFFFF_FFF0L;
        byte[] pcap = new PcapBuilder(ByteOrder.BIG_ENDIAN)
                .segment(true, isn, SYN, new byte[0])
                .segment(false, 1000, SYN | ACK, new byte[0])
                .segment(true, isn + 1 + 6, ACK, bytes("world"))
                .segment(true, isn + 1, ACK, bytes("hello "))
                .segment(true, isn + 1 + 3, ACK, bytes("lo wor"))
                .segment(false, 1001, ACK, bytes("ok"))
                .build();

        // when
        TcpConversation c = TcpReassembler.reassemble(PcapReader.read(pcap), 0);

        // then
        assertThat(c.client()).isEqualTo("127.0.0.1:" + PcapBuilder.CLIENT_PORT);
        assertThat(c.server()).isEqualTo("127.0.0.2:" + PcapBuilder.SERVER_PORT);
        assertThat(text(c.clientToServer())).isEqualTo("hello world");
        assertThat(text(c.serverToClient())).isEqualTo("ok");
        assertThat(c.notes()).isEmpty();
    }

    @Test
    void shouldStopAtTheGapAndSayWhereWhenBytesWereNotCaptured() {
        // given
        byte[] pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN)
                .segment(true, 100, SYN, new byte[0])
                .segment(true, 101, ACK, bytes("abc"))
                .segment(true, 110, ACK, bytes("xyz"))
                .build();

        // when
        TcpConversation c = TcpReassembler.reassemble(PcapReader.read(pcap), 0);

        // then
        assertThat(text(c.clientToServer())).isEqualTo("abc");
        assertThat(c.notes()).singleElement().asString().contains("client->server: bytes 3-8 were not captured");
    }

    @Test
    void shouldTakeTheSideSendingGetAsClientWhenTheSynWasNotCaptured() {
        // given
        byte[] pcap = new PcapBuilder(ByteOrder.BIG_ENDIAN)
                .segment(false, 7, ACK, bytes("HTTP/1.1 101"))
                .segment(true, 5, ACK, bytes("GET / HTTP/1.1"))
                .build();

        // when
        TcpConversation c = TcpReassembler.reassemble(PcapReader.read(pcap), 0);

        // then
        assertThat(c.client()).endsWith(":" + PcapBuilder.CLIENT_PORT);
        assertThat(text(c.clientToServer())).isEqualTo("GET / HTTP/1.1");
    }

    @Test
    void shouldFailClearlyWhenNoSegmentUsesThePort() {
        byte[] pcap = new PcapBuilder(ByteOrder.BIG_ENDIAN).segment(true, 1, SYN, new byte[0]).build();

        assertThatThrownBy(() -> TcpReassembler.reassemble(PcapReader.read(pcap), 4444))
                .isInstanceOf(CaptureFormatException.class).hasMessageContaining("port 4444");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(List<StreamChunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(c -> out.writeBytes(c.bytes()));
        return out.toString(StandardCharsets.US_ASCII);
    }
}
