package io.ringside.tools.inspect;

/**
 * One TCP segment out of a capture: endpoints, sequence number, flags and payload.
 *
 * @param timeNanos capture time, nanoseconds since the Unix epoch
 * @param source    source {@code address:port}
 * @param target    destination {@code address:port}
 * @param seq       sequence number (unsigned 32-bit)
 * @param flags     the TCP flag bits (FIN = 1, SYN = 2, RST = 4, ACK = 16)
 * @param payload   the segment's data, possibly empty
 */
record TcpSegment(long timeNanos, String source, String target, long seq, int flags, byte[] payload) {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int ACK = 0x10;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The sequence space this segment occupies: payload bytes plus one each for SYN and FIN. */
    long length() {
        return payload.length + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
    }
}
