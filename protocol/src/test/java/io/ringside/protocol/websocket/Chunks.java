package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Cuts wire bytes into the reads a socket might deliver: whole, one byte at a time, or at random points. */
final class Chunks {
    /** How many random splittings each decoder test tries. */
    static final int RANDOM_SPLITS = 20;

    private Chunks() {
    }

    /** {@code bytes} cut after each of the given chunk sizes; whatever is left is the last chunk. */
    static List<ByteBuffer> of(byte[] bytes, int... sizes) {
        List<ByteBuffer> chunks = new ArrayList<>();
        int at = 0;
        for (int size : sizes) {
            int n = Math.min(size, bytes.length - at);
            chunks.add(copy(bytes, at, n));
            at += n;
        }
        if (at < bytes.length || chunks.isEmpty()) {
            chunks.add(copy(bytes, at, bytes.length - at));
        }
        return chunks;
    }

    static List<ByteBuffer> whole(byte[] bytes) {
        return of(bytes);
    }

    static List<ByteBuffer> byteByByte(byte[] bytes) {
        int[] ones = new int[bytes.length];
        Arrays.fill(ones, 1);
        return of(bytes, ones);
    }

    static List<ByteBuffer> random(byte[] bytes, long seed) {
        Random random = new Random(seed);
        List<Integer> sizes = new ArrayList<>();
        for (int left = bytes.length; left > 0; ) {
            int n = 1 + random.nextInt(Math.min(left, random.nextBoolean() ? 16 : 1 + bytes.length / 2));
            sizes.add(n);
            left -= n;
        }
        return of(bytes, sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Every splitting a decoder test runs: whole, one byte at a time, {@link #RANDOM_SPLITS} random ones,
     * and whole and random again in direct little-endian buffers (the decoder must not depend on either).
     */
    static List<List<ByteBuffer>> allSplittings(byte[] bytes) {
        List<List<ByteBuffer>> all = new ArrayList<>();
        all.add(whole(bytes));
        all.add(byteByByte(bytes));
        for (int seed = 0; seed < RANDOM_SPLITS; seed++) {
            all.add(random(bytes, seed));
        }
        all.add(directLittleEndian(whole(bytes)));
        all.add(directLittleEndian(random(bytes, RANDOM_SPLITS)));
        return all;
    }

    private static List<ByteBuffer> directLittleEndian(List<ByteBuffer> chunks) {
        List<ByteBuffer> direct = new ArrayList<>();
        for (ByteBuffer chunk : chunks) {
            direct.add(ByteBuffer.allocateDirect(chunk.remaining()).put(chunk).flip().order(ByteOrder.LITTLE_ENDIAN));
        }
        return direct;
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static ByteBuffer copy(byte[] bytes, int from, int n) {
        ByteBuffer b = ByteBuffer.allocate(n);
        b.put(bytes, from, n).flip();
        return b;
    }
}
