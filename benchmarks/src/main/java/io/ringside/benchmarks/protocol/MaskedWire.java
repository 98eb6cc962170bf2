package io.ringside.benchmarks.protocol;

import io.ringside.benchmarks.peers.PayloadDigest;
import java.util.SplittableRandom;

/**
 * A receive buffer full of masked client binary frames (RFC 6455 §5.2, §5.3), all with the same
 * payload size, random payloads and a random mask key per frame, generated from a fixed seed.
 *
 * <pre>
 *  +-+-+-+-+-------+-+-------------+-------------------------------+---------------+-----------
 *  |1|0|0|0|  0x2  |1| len (7/7+16/7+64 bits)                        | mask key (32) | payload...
 *  +-+-+-+-+-------+-+-------------+-------------------------------+---------------+-----------
 * </pre>
 *
 * <p>The in-cache wire holds at most {@link #MAX_BUFFER_BYTES} (or one frame) and a power of two
 * frames, so {@link #FRAMES_PER_OP} is a whole number of passes over it. The large wire
 * ({@link #filling}) holds as many frames as fit in a given size, for a buffer restored before each
 * pass.
 */
final class MaskedWire {
    /** Frames decoded per benchmark operation, whatever the payload size. */
    static final int FRAMES_PER_OP = 64;
    /** Upper bound of the buffer, so small sizes stay in L2 and CI setup stays fast. */
    static final int MAX_BUFFER_BYTES = 256 * 1024;

    private static final int OPCODE_BINARY = 0x2;
    private static final int FIN = 0x80;
    private static final int MASK_BIT = 0x80;

    final byte[] bytes;
    final int payloadSize;
    final int frames;
    final int passes;
    final int[] payloadOffsets;
    final int[] maskKeys;
    final PayloadDigest plaintextDigest = new PayloadDigest();

    MaskedWire(int payloadSize, long seed) {
        this(payloadSize, seed, Math.min(FRAMES_PER_OP,
                Integer.highestOneBit(Math.max(1, MAX_BUFFER_BYTES / frameBytes(checked(payloadSize))))));
    }

    private MaskedWire(int payloadSize, long seed, int frames) {
        this.payloadSize = payloadSize;
        this.frames = frames;
        this.passes = Math.max(1, FRAMES_PER_OP / frames);
        this.bytes = new byte[frames * frameBytes(payloadSize)];
        this.payloadOffsets = new int[frames];
        this.maskKeys = new int[frames];
        fill(new SplittableRandom(seed));
    }

    /** As many frames of {@code payloadSize} as fit in {@code maxBytes} (at least one), no passes. */
    static MaskedWire filling(int payloadSize, long seed, int maxBytes) {
        return new MaskedWire(payloadSize, seed, Math.max(1, maxBytes / frameBytes(checked(payloadSize))));
    }

    private static int checked(int payloadSize) {
        if (payloadSize < 0) {
            throw new IllegalArgumentException("payloadSize=" + payloadSize);
        }
        return payloadSize;
    }

    /** Header plus payload of one masked frame. */
    static int frameBytes(int payloadSize) {
        int lengthBytes = payloadSize <= 125 ? 0 : payloadSize <= 0xFFFF ? 2 : 8;
        return 2 + lengthBytes + 4 + payloadSize;
    }

    /** Payload bytes per benchmark operation. */
    long payloadBytesPerOp() {
        return (long) FRAMES_PER_OP * payloadSize;
    }

    private void fill(SplittableRandom random) {
        byte[] plain = new byte[payloadSize];
        int at = 0;
        for (int f = 0; f < frames; f++) {
            random.nextBytes(plain);
            plaintextDigest.add(plain, 0, plain.length);
            int key = random.nextInt();
            bytes[at++] = (byte) (FIN | OPCODE_BINARY);
            at = writeLength(at);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[at++] = (byte) (key >>> shift);
            }
            payloadOffsets[f] = at;
            maskKeys[f] = key;
            for (int i = 0; i < payloadSize; i++) {
                bytes[at++] = (byte) (plain[i] ^ (key >>> (24 - 8 * (i & 3))));
            }
        }
    }

    private int writeLength(int at) {
        if (payloadSize <= 125) {
            bytes[at++] = (byte) (MASK_BIT | payloadSize);
        } else if (payloadSize <= 0xFFFF) {
            bytes[at++] = (byte) (MASK_BIT | 126);
            bytes[at++] = (byte) (payloadSize >>> 8);
            bytes[at++] = (byte) payloadSize;
        } else {
            bytes[at++] = (byte) (MASK_BIT | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[at++] = (byte) ((long) payloadSize >>> shift);
            }
        }
        return at;
    }
}
