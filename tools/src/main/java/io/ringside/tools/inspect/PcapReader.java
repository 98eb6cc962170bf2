package io.ringside.tools.inspect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classic libpcap file (not pcapng): the 24-byte global header, then records of a 16-byte
 * header and the captured bytes. Both byte orders, microsecond and nanosecond timestamps.
 *
 * <pre>
 * global header: magic(4) major(2) minor(2) thiszone(4) sigfigs(4) snaplen(4) linktype(4)
 * record header: ts_sec(4) ts_frac(4) incl_len(4) orig_len(4), then incl_len bytes
 * </pre>
 *
 * <p>Each record is handed to {@link PacketDecoder}; TCP segments are kept, other packets skipped.
 */
final class PcapReader {
    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int MAGIC_PCAPNG = 0x0a0d0d0a;
    private static final int GLOBAL_HEADER_BYTES = 24;
    private static final int RECORD_HEADER_BYTES = 16;
    private static final int MAX_RECORD_BYTES = 256 << 10;

    private PcapReader() {
    }

    /** Whether {@code bytes} start like a classic pcap file (either byte order). */
    static boolean looksLikePcap(byte[] bytes) {
        if (bytes.length < 4) {
            return false;
        }
        int magic = ByteBuffer.wrap(bytes).getInt(0);
        int swapped = Integer.reverseBytes(magic);
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS || swapped == MAGIC_MICROS || swapped == MAGIC_NANOS;
    }

    /**
     * The TCP segments of the capture, in capture order.
     *
     * @throws CaptureFormatException when the file is not a classic pcap file or a record is truncated
     */
    static List<TcpSegment> read(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        if (file.length < GLOBAL_HEADER_BYTES) {
            throw new CaptureFormatException("pcap: file of " + file.length + " bytes is shorter than its header");
        }
        int magic = in.getInt(0);
        if (magic == MAGIC_PCAPNG) {
            throw new CaptureFormatException("pcapng is not supported: convert it with "
                    + "'tcpdump -r in.pcapng -w out.pcap' or 'editcap -F pcap in.pcapng out.pcap'");
        }
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            in.order(ByteOrder.LITTLE_ENDIAN);
            magic = in.getInt(0);
            if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
                throw new CaptureFormatException("pcap: bad magic number 0x" + Integer.toHexString(in.getInt(0)));
            }
        }
        long fractionNanos = magic == MAGIC_NANOS ? 1 : 1000;
        int linkType = in.getInt(20);
        List<TcpSegment> segments = new ArrayList<>();
        int pos = GLOBAL_HEADER_BYTES;
        for (int record = 1; pos < file.length; record++) {
            if (file.length - pos < RECORD_HEADER_BYTES) {
                throw new CaptureFormatException("pcap record " + record + " at byte " + pos + ": truncated header");
            }
            long seconds = in.getInt(pos) & 0xFFFF_FFFFL;
            long fraction = in.getInt(pos + 4) & 0xFFFF_FFFFL;
            int included = in.getInt(pos + 8);
            if (included < 0 || included > MAX_RECORD_BYTES || included > file.length - pos - RECORD_HEADER_BYTES) {
                throw new CaptureFormatException("pcap record " + record + " at byte " + pos
                        + ": captured length " + Integer.toUnsignedString(included) + " runs past the end");
            }
            long timeNanos = seconds * 1_000_000_000L + fraction * fractionNanos;
            ByteBuffer packet = ByteBuffer.wrap(file, pos + RECORD_HEADER_BYTES, included).slice();
            TcpSegment segment = PacketDecoder.decode(linkType, packet, timeNanos);
            if (segment != null) {
                segments.add(segment);
            }
            pos += RECORD_HEADER_BYTES + included;
        }
        return segments;
    }
}
