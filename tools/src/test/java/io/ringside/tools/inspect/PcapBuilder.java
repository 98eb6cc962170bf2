package io.ringside.tools.inspect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes classic pcap files of Ethernet/IPv4/TCP packets for tests, in either byte order. */
final class PcapBuilder {
    static final int CLIENT_PORT = 50000;
    static final int SERVER_PORT = 9001;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private long micros;

    PcapBuilder(ByteOrder order) {
        this.order = order;
        ByteBuffer header = ByteBuffer.allocate(24).order(order);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(PacketDecoder.LINK_ETHERNET);
        out.writeBytes(header.array());
    }

    /** Adds a segment from the client ({@code up}) or the server, one microsecond after the last. */
    PcapBuilder segment(boolean up, long seq, int flags, byte[] payload) {
        ByteBuffer p = ByteBuffer.allocate(14 + 20 + 20 + payload.length + 6);
        p.position(12);
        p.putShort((short) 0x0800);
        p.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putInt(0)
                .put((byte) 64).put((byte) 6).putShort((short) 0);
        p.put(new byte[] {127, 0, 0, (byte) (up ? 1 : 2)}).put(new byte[] {127, 0, 0, (byte) (up ? 2 : 1)});
        p.putShort((short) (up ? CLIENT_PORT : SERVER_PORT)).putShort((short) (up ? SERVER_PORT : CLIENT_PORT));
        p.putInt((int) seq).putInt(0).put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0);
        p.put(payload);
        // 6 bytes of Ethernet padding after the IP packet, which the decoder must not take as payload
        byte[] packet = p.array();
        ByteBuffer record = ByteBuffer.allocate(16).order(order);
        micros++;
        record.putInt(1_700_000_000).putInt((int) micros).putInt(packet.length).putInt(packet.length);
        out.writeBytes(record.array());
        out.writeBytes(packet);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }
}
