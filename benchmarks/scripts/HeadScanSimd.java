import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What vector instructions would give the per-byte part of parsing an opening-handshake request
 * head: one pass over the whole head that checks every byte's class (printable ASCII 0x20-0x7E or
 * not) and, in the "+ offsets" variants, writes the offset of every other byte (in a well-formed
 * head: every CR and LF, that is every line end) into a reused int array. Scalar SWAR (eight bytes
 * per {@code long}, as the protocol module's {@code AsciiScan} does) against the incubating Vector
 * API with 256-bit and 512-bit vectors, over the two requests of {@code HandshakeBenchmark}.
 *
 * <p>A standalone prototype, not part of the build (the project does not use the incubator
 * module). Each variant runs in rounds of 2,000 scans, alternating with the others on one thread,
 * each round timed by the thread's CPU clock; prints the median and the lowest quartile CPU ns per
 * scan and the bytes allocated per scan (non-zero means the JIT did not turn the vector code into
 * vector instructions). The head sits at the start of an 8 KiB zeroed buffer, as in the parser,
 * so a scan may read whole words or vectors past the head's end and ignore what it finds there.
 * Every variant's count and offsets are checked against a byte loop first.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector benchmarks/scripts/HeadScanSimd.java [rounds]
 * </pre>
 */
public final class HeadScanSimd {
    static final String RFC = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";
    static final String BROWSER = "GET /arena?room=lobby-7 HTTP/1.1\r\n"
            + "Host: play.example.com\r\n"
            + "Connection: Upgrade\r\n"
            + "Pragma: no-cache\r\n"
            + "Cache-Control: no-cache\r\n"
            + "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Upgrade: websocket\r\n"
            + "Origin: https://play.example.com\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-US,en;q=0.9,de;q=0.8\r\n"
            + "Cookie: session=7f3c9a1e5b2d4c8fa06e1d2b3c4a5f60; theme=dark; _ga=GA1.1.1234567890.1732147200;"
            + " consent=analytics%3Dfalse\r\n"
            + "Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
            + "\r\n";

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    static final long HIGH_BITS = 0x8080808080808080L;
    static final long SPACES = 0x2020202020202020L;
    static final VectorSpecies<Byte> S256 = ByteVector.SPECIES_256;
    static final VectorSpecies<Byte> S512 = ByteVector.SPECIES_512;
    static final int HEAD_BUFFER_BYTES = 8192;
    static final int SCANS_PER_ROUND = 2_000;
    static final int WARMUP_ROUNDS = 300;

    static final String[] NAMES = {
        "swar, check only", "swar + offsets",
        "vector 256, check only", "vector 256 + offsets",
        "vector 512, check only", "vector 512 + offsets"};

    private HeadScanSimd() {
    }

    /** Marks (high bit of each byte) of the bytes outside 0x20-0x7E; exact for the lowest, a superset above. */
    static long swarMarks(long word) {
        return ((word - SPACES) | (word + ONES) | word) & HIGH_BITS;
    }

    /** The bytes of the word at {@code i} that lie below {@code end}, as a mask of their high bits. */
    static long below(int end, int i) {
        int left = end - i;
        return left >= Long.BYTES ? -1L : (1L << (left << 3)) - 1;
    }

    /**
     * Scalar: whether any byte of {@code b[0, end)} is outside 0x20-0x7E, one OR per word (the
     * check-only variants look at every byte and say whether any is, as a validating pass must).
     */
    static int swarCheck(byte[] b, int end) {
        long any = 0;
        for (int i = 0; i < end; i += Long.BYTES) {
            any |= swarMarks((long) LONGS.get(b, i)) & below(end, i);
        }
        return any == 0 ? 0 : 1;
    }

    /**
     * Scalar: the offsets of the bytes outside 0x20-0x7E. Every such byte is marked; a borrow out of
     * one can also mark a space just above it (which a parser's second pass would see as a line
     * starting with whitespace and refuse anyway); a well-formed head has no such false marks.
     */
    static int swarOffsets(byte[] b, int end, int[] out) {
        int n = 0;
        for (int i = 0; i < end; i += Long.BYTES) {
            long m = swarMarks((long) LONGS.get(b, i)) & below(end, i);
            while (m != 0) {
                out[n++] = i + (Long.numberOfTrailingZeros(m) >>> 3);
                m &= m - 1;
            }
        }
        return n;
    }

    static int vector256Check(byte[] b, int end) {
        VectorMask<Byte> any = S256.maskAll(false);
        int i = 0;
        for (; i + 32 <= end; i += 32) {
            ByteVector v = ByteVector.fromArray(S256, b, i);
            any = any.or(v.compare(VectorOperators.LT, (byte) 0x20)).or(v.compare(VectorOperators.EQ, (byte) 0x7F));
        }
        int tail = swarCheck(b, i, end);
        return any.anyTrue() ? 1 : tail;
    }

    static int vector512Check(byte[] b, int end) {
        VectorMask<Byte> any = S512.maskAll(false);
        int i = 0;
        for (; i + 64 <= end; i += 64) {
            ByteVector v = ByteVector.fromArray(S512, b, i);
            any = any.or(v.compare(VectorOperators.LT, (byte) 0x20)).or(v.compare(VectorOperators.EQ, (byte) 0x7F));
        }
        int tail = swarCheck(b, i, end);
        return any.anyTrue() ? 1 : tail;
    }

    /** The scalar check of {@code b[from, end)}, for the part after the last whole vector. */
    static int swarCheck(byte[] b, int from, int end) {
        long any = 0;
        for (int i = from; i < end; i += Long.BYTES) {
            any |= swarMarks((long) LONGS.get(b, i)) & below(end, i);
        }
        return any == 0 ? 0 : 1;
    }

    static int vector256Offsets(byte[] b, int end, int[] out) {
        int n = 0;
        for (int i = 0; i < end; i += 32) {
            ByteVector v = ByteVector.fromArray(S256, b, i);
            // Signed bytes: those from 0x80 are negative, so "< 0x20" also takes obs-text.
            VectorMask<Byte> bad = v.compare(VectorOperators.LT, (byte) 0x20).or(v.compare(VectorOperators.EQ, (byte) 0x7F));
            long m = bad.toLong() & (end - i >= 32 ? -1L : (1L << (end - i)) - 1);
            while (m != 0) {
                out[n++] = i + Long.numberOfTrailingZeros(m);
                m &= m - 1;
            }
        }
        return n;
    }

    static int vector512Offsets(byte[] b, int end, int[] out) {
        int n = 0;
        for (int i = 0; i < end; i += 64) {
            ByteVector v = ByteVector.fromArray(S512, b, i);
            VectorMask<Byte> bad = v.compare(VectorOperators.LT, (byte) 0x20).or(v.compare(VectorOperators.EQ, (byte) 0x7F));
            long m = bad.toLong() & (end - i >= 64 ? -1L : (1L << (end - i)) - 1);
            while (m != 0) {
                out[n++] = i + Long.numberOfTrailingZeros(m);
                m &= m - 1;
            }
        }
        return n;
    }

    /** Reference: a byte loop. */
    static int byteLoop(byte[] b, int end, int[] out) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                out[n++] = i;
            }
        }
        return n;
    }

    static int once(int kind, byte[] b, int end, int[] out) {
        switch (kind) {
            case 0: return swarCheck(b, end);
            case 1: return swarOffsets(b, end, out);
            case 2: return vector256Check(b, end);
            case 3: return vector256Offsets(b, end, out);
            case 4: return vector512Check(b, end);
            default: return vector512Offsets(b, end, out);
        }
    }

    /** One round of one variant; a loop per variant so that each is compiled with its own profile. */
    static long round(int kind, byte[] b, int end, int[] out) {
        long sink = 0;
        switch (kind) {
            case 0: for (int j = 0; j < SCANS_PER_ROUND; j++) { sink += swarCheck(b, end); } break;
            case 1: for (int j = 0; j < SCANS_PER_ROUND; j++) { sink += swarOffsets(b, end, out); } break;
            case 2: for (int j = 0; j < SCANS_PER_ROUND; j++) { sink += vector256Check(b, end); } break;
            case 3: for (int j = 0; j < SCANS_PER_ROUND; j++) { sink += vector256Offsets(b, end, out); } break;
            case 4: for (int j = 0; j < SCANS_PER_ROUND; j++) { sink += vector512Check(b, end); } break;
            default: for (int j = 0; j < SCANS_PER_ROUND; j++) { sink += vector512Offsets(b, end, out); } break;
        }
        return sink;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("java " + System.getProperty("java.version") + ", preferred species "
                + ByteVector.SPECIES_PREFERRED + ", load average before: " + loadAverage());
        for (String text : new String[] {RFC, BROWSER}) {
            byte[] head = text.getBytes(StandardCharsets.US_ASCII);
            byte[] buffer = new byte[HEAD_BUFFER_BYTES];
            System.arraycopy(head, 0, buffer, 0, head.length);
            int end = head.length;
            int[] expected = new int[256];
            int count = byteLoop(buffer, end, expected);
            for (int kind = 0; kind < NAMES.length; kind++) {
                int[] out = new int[256];
                int got = once(kind, buffer, end, out);
                boolean offsets = kind % 2 == 1;
                if (offsets ? got != count || !Arrays.equals(out, 0, got, expected, 0, count) : got != 1) {
                    throw new AssertionError(NAMES[kind] + " answered " + got + ", expected " + count);
                }
            }
            int[] out = new int[256];
            long sink = 0;
            for (int r = 0; r < WARMUP_ROUNDS; r++) {
                for (int kind = 0; kind < NAMES.length; kind++) {
                    sink += round(kind, buffer, end, out);
                }
            }
            long[][] cpu = new long[NAMES.length][rounds];
            long[] allocated = new long[NAMES.length];
            for (int r = 0; r < rounds; r++) {
                for (int kind = 0; kind < NAMES.length; kind++) {
                    long a0 = threads.getCurrentThreadAllocatedBytes();
                    long t0 = threads.getCurrentThreadCpuTime();
                    sink += round(kind, buffer, end, out);
                    cpu[kind][r] = threads.getCurrentThreadCpuTime() - t0;
                    allocated[kind] += threads.getCurrentThreadAllocatedBytes() - a0;
                }
            }
            System.out.printf("%s: %d bytes, %d of them outside 0x20-0x7E (CR, LF)%n",
                    text == RFC ? "rfc" : "browser", end, count);
            System.out.println("  variant                    median ns  p25 ns  B/scan");
            for (int kind = 0; kind < NAMES.length; kind++) {
                long[] sorted = cpu[kind].clone();
                Arrays.sort(sorted);
                System.out.printf("  %-26s %9.1f %7.1f %7.1f%n", NAMES[kind],
                        sorted[rounds / 2] / (double) SCANS_PER_ROUND, sorted[rounds / 4] / (double) SCANS_PER_ROUND,
                        allocated[kind] / (double) rounds / SCANS_PER_ROUND);
            }
            if (sink == 42) {
                System.out.println();
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    static String loadAverage() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")),
                    StandardCharsets.US_ASCII).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
