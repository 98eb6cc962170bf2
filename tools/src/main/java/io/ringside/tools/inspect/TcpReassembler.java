package io.ringside.tools.inspect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks one TCP connection out of captured segments and reassembles each direction by sequence
 * number (RFC 9293 §3.4): retransmitted and overlapping bytes are delivered once, out-of-order
 * segments wait for the bytes before them, and a direction stops at its first gap.
 *
 * <p>The connection is the first one opened with a SYN (the SYN's sender is the client) whose
 * ports include {@code port} when given; without a SYN, the first one seen, and the side that sent
 * {@code GET } first is the client.
 */
final class TcpReassembler {
    private static final long SEQ_MOD = 1L << 32;
    private static final long HALF_SEQ = 1L << 31;

    private TcpReassembler() {
    }

    /**
     * The conversation of the chosen connection.
     *
     * @param port a port the connection must use, or 0 for any
     * @throws CaptureFormatException when the capture holds no matching TCP connection
     */
    static TcpConversation reassemble(List<TcpSegment> segments, int port) {
        TcpSegment first = pickFirst(segments, port);
        String[] ends = orient(segments, first);
        String client = ends[0];
        String server = ends[1];
        List<TcpSegment> up = new ArrayList<>();
        List<TcpSegment> down = new ArrayList<>();
        int others = 0;
        for (TcpSegment s : segments) {
            if (s.source().equals(client) && s.target().equals(server)) {
                up.add(s);
            } else if (s.source().equals(server) && s.target().equals(client)) {
                down.add(s);
            } else {
                others++;
            }
        }
        List<String> notes = new ArrayList<>();
        if (others > 0) {
            notes.add(others + " segments of other connections left out (choose one with --port)");
        }
        return new TcpConversation(client, server, direction(up, "client->server", notes),
                direction(down, "server->client", notes), notes);
    }

    private static TcpSegment pickFirst(List<TcpSegment> segments, int port) {
        TcpSegment any = null;
        for (TcpSegment s : segments) {
            if (port != 0 && !s.source().endsWith(":" + port) && !s.target().endsWith(":" + port)) {
                continue;
            }
            if (s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK)) {
                return s;
            }
            if (any == null) {
                any = s;
            }
        }
        if (any == null) {
            throw new CaptureFormatException("the capture holds no TCP segment"
                    + (port != 0 ? " on port " + port : ""));
        }
        return any;
    }

    private static String[] orient(List<TcpSegment> segments, TcpSegment first) {
        if (first.has(TcpSegment.SYN) && !first.has(TcpSegment.ACK)) {
            return new String[] {first.source(), first.target()};
        }
        byte[] get = "GET ".getBytes(StandardCharsets.US_ASCII);
        for (TcpSegment s : segments) {
            boolean same = s.source().equals(first.source()) && s.target().equals(first.target());
            boolean reverse = s.source().equals(first.target()) && s.target().equals(first.source());
            if ((same || reverse) && s.payload().length >= get.length
                    && Arrays.equals(s.payload(), 0, get.length, get, 0, get.length)) {
                return new String[] {s.source(), s.target()};
            }
        }
        return new String[] {first.source(), first.target()};
    }

    private static List<StreamChunk> direction(List<TcpSegment> segments, String name, List<String> notes) {
        List<StreamChunk> chunks = new ArrayList<>();
        if (segments.isEmpty()) {
            return chunks;
        }
        long isn = initialSequence(segments);
        TreeMap<Long, TcpSegment> pending = new TreeMap<>();
        long next = 0;
        for (TcpSegment s : segments) {
            if (s.payload().length == 0) {
                continue;
            }
            long relative = Math.floorMod(s.seq() - isn, SEQ_MOD);
            if (relative >= HALF_SEQ) {
                continue;
            }
            pending.merge(relative, s, (a, b) -> a.payload().length >= b.payload().length ? a : b);
            next = deliver(pending, next, chunks);
        }
        if (!pending.isEmpty()) {
            notes.add(name + ": bytes " + next + "-" + (pending.firstKey() - 1)
                    + " were not captured; decoding of this direction stops there");
        }
        return chunks;
    }

    private static long initialSequence(List<TcpSegment> segments) {
        for (TcpSegment s : segments) {
            if (s.has(TcpSegment.SYN)) {
                return (s.seq() + 1) % SEQ_MOD;
            }
        }
        for (TcpSegment s : segments) {
            if (s.payload().length > 0) {
                return s.seq();
            }
        }
        return 0;
    }

    private static long deliver(TreeMap<Long, TcpSegment> pending, long delivered, List<StreamChunk> chunks) {
        long next = delivered;
        Map.Entry<Long, TcpSegment> e = pending.firstEntry();
        while (e != null && e.getKey() <= next) {
            pending.pollFirstEntry();
            byte[] payload = e.getValue().payload();
            long end = e.getKey() + payload.length;
            if (end > next) {
                int skip = (int) (next - e.getKey());
                byte[] fresh = Arrays.copyOfRange(payload, skip, payload.length);
                chunks.add(new StreamChunk(e.getValue().timeNanos(), fresh));
                next = end;
            }
            e = pending.firstEntry();
        }
        return next;
    }
}
