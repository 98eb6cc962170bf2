package io.ringside.tools.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapReaderTest {
    @Test
    void shouldDecodeTcpFieldsAndDropEthernetPaddingWhenFileIsLittleEndian() {
        // given
        byte[] pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN)
                .segment(true, 0xFFFF_FFFEL, TcpSegment.ACK, new byte[] {1, 2, 3}).build();

        // when
        List<TcpSegment> segments = PcapReader.read(pcap);

        // then
        assertThat(PcapReader.looksLikePcap(pcap)).isTrue();
        assertThat(segments).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("127.0.0.1:" + PcapBuilder.CLIENT_PORT);
            assertThat(s.target()).isEqualTo("127.0.0.2:" + PcapBuilder.SERVER_PORT);
            assertThat(s.seq()).isEqualTo(0xFFFF_FFFEL);
            assertThat(s.payload()).containsExactly(1, 2, 3);
            assertThat(s.timeNanos()).isEqualTo(1_700_000_000_000_001_000L);
        });
    }

    @Test
    void shouldSayWhereWhenARecordIsTruncated() {
        // given
        byte[] pcap = new PcapBuilder(ByteOrder.BIG_ENDIAN).segment(true, 1, 0, new byte[10]).build();
        byte[] cut = Arrays.copyOf(pcap, pcap.length - 5);

        // when / then
        assertThatThrownBy(() -> PcapReader.read(cut)).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("pcap record 1 at byte 24");
    }

    @Test
    void shouldRejectWhenFileIsPcapngOrNotPcap() {
        byte[] pcapng = {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> PcapReader.read(pcapng)).hasMessageContaining("pcapng is not supported");
        assertThatThrownBy(() -> PcapReader.read(new byte[24])).hasMessageContaining("bad magic");
        assertThat(PcapReader.looksLikePcap(new byte[] {'G', 'E', 'T', ' '})).isFalse();
    }
}
