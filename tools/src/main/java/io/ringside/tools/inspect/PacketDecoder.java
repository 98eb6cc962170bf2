package io.ringside.tools.inspect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes one captured packet down to its TCP segment: link layer (Ethernet with optional 802.1Q
 * tag, BSD loopback, Linux cooked capture, raw IP), then IPv4 (RFC 791) or IPv6 (RFC 8200, no
 * extension headers), then TCP (RFC 9293). Anything else decodes to {@code null}.
 */
final class PacketDecoder {
    static final int LINK_NULL = 0;
    static final int LINK_ETHERNET = 1;
    static final int LINK_RAW = 101;
    static final int LINK_LINUX_SLL = 113;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int PROTOCOL_TCP = 6;
    private static final int IPV6_HEADER_BYTES = 40;
    private static final int TCP_MIN_HEADER_BYTES = 20;

    private PacketDecoder() {
    }

    /** The TCP segment in {@code packet} (position 0 to limit), or {@code null} if it holds none. */
    static TcpSegment decode(int linkType, ByteBuffer packet, long timeNanos) {
        int ip = ipOffset(linkType, packet);
        if (ip < 0 || packet.limit() - ip < 1) {
            return null;
        }
        int version = (packet.get(ip) & 0xFF) >>> 4;
        if (version == 4) {
            return ipv4(packet, ip, timeNanos);
        }
        return version == 6 ? ipv6(packet, ip, timeNanos) : null;
    }

    private static int ipOffset(int linkType, ByteBuffer p) {
        switch (linkType) {
            case LINK_ETHERNET:
                if (p.limit() < 14) {
                    return -1;
                }
                int type = p.getShort(12) & 0xFFFF;
                return type == ETHERTYPE_VLAN ? 18 : type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6 ? 14 : -1;
            case LINK_NULL:
                return 4;
            case LINK_LINUX_SLL:
                return 16;
            case LINK_RAW:
                return 0;
            default:
                throw new CaptureFormatException("pcap link type " + linkType
                        + " is not supported (Ethernet, loopback, Linux cooked and raw IP are)");
        }
    }

    private static TcpSegment ipv4(ByteBuffer p, int ip, long timeNanos) {
        if (p.limit() - ip < 20) {
            return null;
        }
        int headerBytes = (p.get(ip) & 0x0F) * 4;
        int totalLength = p.getShort(ip + 2) & 0xFFFF;
        boolean fragment = (p.getShort(ip + 6) & 0x3FFF) != 0;
        if ((p.get(ip + 9) & 0xFF) != PROTOCOL_TCP || fragment) {
            return null;
        }
        int end = Math.min(p.limit(), ip + totalLength);
        String source = address(p, ip + 12, 4);
        String target = address(p, ip + 16, 4);
        return tcp(p, ip + headerBytes, end, source, target, timeNanos);
    }

    private static TcpSegment ipv6(ByteBuffer p, int ip, long timeNanos) {
        if (p.limit() - ip < IPV6_HEADER_BYTES || (p.get(ip + 6) & 0xFF) != PROTOCOL_TCP) {
            return null;
        }
        int payloadLength = p.getShort(ip + 4) & 0xFFFF;
        int end = Math.min(p.limit(), ip + IPV6_HEADER_BYTES + payloadLength);
        String source = "[" + address(p, ip + 8, 16) + "]";
        String target = "[" + address(p, ip + 24, 16) + "]";
        return tcp(p, ip + IPV6_HEADER_BYTES, end, source, target, timeNanos);
    }

    private static TcpSegment tcp(ByteBuffer p, int at, int end, String source, String target, long timeNanos) {
        if (end - at < TCP_MIN_HEADER_BYTES) {
            return null;
        }
        ByteBuffer b = p.duplicate().order(ByteOrder.BIG_ENDIAN);
        int sourcePort = b.getShort(at) & 0xFFFF;
        int targetPort = b.getShort(at + 2) & 0xFFFF;
        long seq = b.getInt(at + 4) & 0xFFFF_FFFFL;
        int dataOffset = ((b.get(at + 12) & 0xFF) >>> 4) * 4;
        int flags = b.get(at + 13) & 0xFF;
        if (dataOffset < TCP_MIN_HEADER_BYTES || at + dataOffset > end) {
            return null;
        }
        byte[] payload = new byte[end - at - dataOffset];
        b.get(at + dataOffset, payload);
        return new TcpSegment(timeNanos, source + ":" + sourcePort, target + ":" + targetPort, seq, flags, payload);
    }

    private static String address(ByteBuffer p, int at, int length) {
        byte[] raw = new byte[length];
        p.get(at, raw);
        try {
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + length + " bytes is always valid", e);
        }
    }
}
