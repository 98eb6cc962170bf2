package io.ringside.protocol.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Incremental UTF-8 validator (RFC 3629; RFC 6455 §8.1): a deterministic automaton after Bjoern
 * Hoehrmann's "Flexible and Economical UTF-8 Decoder", fed chunk by chunk, failing on the first
 * byte that cannot be part of valid UTF-8 (overlong forms, surrogates U+D800-U+DFFF and code points
 * above U+10FFFF included).
 *
 * <p>One instance per stream (e.g. per text message), used by one thread; {@link #reset()} reuses
 * it. Runs of ASCII are checked eight bytes at a time. No allocation.
 */
public final class Utf8Validator {
    private static final int ACCEPT = 0;
    private static final int REJECT = 12;
    private static final long NON_ASCII_BITS = 0x8080_8080_8080_8080L;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    /**
     * Byte classes: 0 ASCII; 1 = 80-8F, 9 = 90-9F, 7 = A0-BF (continuations, split by what the
     * restricted second bytes accept); 8 = never valid (C0, C1, F5-FF); 2 = C2-DF; 10 = E0;
     * 3 = E1-EC, EE-EF; 4 = ED; 11 = F0; 6 = F1-F3; 5 = F4.
     */
    private static final byte[] CLASSES = new byte[256];

    /**
     * Next state at {@code state + class}; states are multiples of 12: 0 accept, 12 reject,
     * 24 one continuation left, 36 two left, 48 after E0 (needs A0-BF), 60 after ED (needs 80-9F),
     * 72 after F0 (needs 90-BF), 84 after F1-F3 (three left), 96 after F4 (needs 80-8F).
     */
    private static final byte[] TRANSITIONS = {
        0, 12, 24, 36, 60, 96, 84, 12, 12, 12, 48, 72,
        12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
        12, 0, 12, 12, 12, 12, 12, 0, 12, 0, 12, 12,
        12, 24, 12, 12, 12, 12, 12, 24, 12, 24, 12, 12,
        12, 12, 12, 12, 12, 12, 12, 24, 12, 12, 12, 12,
        12, 24, 12, 12, 12, 12, 12, 12, 12, 24, 12, 12,
        12, 12, 12, 12, 12, 12, 12, 36, 12, 36, 12, 12,
        12, 36, 12, 12, 12, 12, 12, 36, 12, 36, 12, 12,
        12, 36, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
    };

    static {
        fill(0x80, 0x8F, 1);
        fill(0x90, 0x9F, 9);
        fill(0xA0, 0xBF, 7);
        fill(0xC0, 0xC1, 8);
        fill(0xC2, 0xDF, 2);
        fill(0xE0, 0xE0, 10);
        fill(0xE1, 0xEC, 3);
        fill(0xED, 0xED, 4);
        fill(0xEE, 0xEF, 3);
        fill(0xF0, 0xF0, 11);
        fill(0xF1, 0xF3, 6);
        fill(0xF4, 0xF4, 5);
        fill(0xF5, 0xFF, 8);
    }

    private int state = ACCEPT;

    /** A validator at the start of a stream. */
    public Utf8Validator() {
    }

    /** Whether {@code length} bytes of {@code buffer} from {@code offset} (absolute) are complete, valid UTF-8. */
    public static boolean isValid(ByteBuffer buffer, int offset, int length) {
        return run(ACCEPT, buffer, offset, length) == ACCEPT;
    }

    /** Forgets everything fed so far, to validate a new stream. */
    public void reset() {
        state = ACCEPT;
    }

    /**
     * Feeds the next {@code length} bytes of {@code buffer} from {@code offset} (absolute; position
     * and limit unchanged).
     *
     * @return false as soon as the stream so far cannot be a prefix of valid UTF-8 (then for good)
     */
    public boolean update(ByteBuffer buffer, int offset, int length) {
        if (state != REJECT) {
            state = run(state, buffer, offset, length);
        }
        return state != REJECT;
    }

    /**
     * Feeds the next {@code length} bytes of {@code array} from {@code offset}.
     *
     * @return false as soon as the stream so far cannot be a prefix of valid UTF-8 (then for good)
     */
    public boolean update(byte[] array, int offset, int length) {
        if (state != REJECT) {
            state = run(state, array, offset, length);
        }
        return state != REJECT;
    }

    /** Whether everything fed so far is valid and ends on a code point boundary (no sequence left open). */
    public boolean isComplete() {
        return state == ACCEPT;
    }

    /** Whether everything fed so far is a valid prefix of UTF-8 (false for good after a bad byte). */
    public boolean isValid() {
        return state != REJECT;
    }

    private static int run(int state, ByteBuffer buffer, int offset, int length) {
        if (buffer.hasArray()) {
            return run(state, buffer.array(), buffer.arrayOffset() + offset, length);
        }
        int s = state;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (s == ACCEPT) {
                while (end - i >= Long.BYTES && (buffer.getLong(i) & NON_ASCII_BITS) == 0) {
                    i += Long.BYTES;
                }
                if (i == end) {
                    break;
                }
            }
            s = TRANSITIONS[s + CLASSES[buffer.get(i) & 0xFF]];
            if (s == REJECT) {
                return REJECT;
            }
            i++;
        }
        return s;
    }

    private static int run(int state, byte[] a, int offset, int length) {
        int s = state;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (s == ACCEPT) {
                while (end - i >= Long.BYTES && ((long) LONGS.get(a, i) & NON_ASCII_BITS) == 0) {
                    i += Long.BYTES;
                }
                if (i == end) {
                    break;
                }
            }
            s = TRANSITIONS[s + CLASSES[a[i] & 0xFF]];
            if (s == REJECT) {
                return REJECT;
            }
            i++;
        }
        return s;
    }

    private static void fill(int from, int to, int byteClass) {
        for (int b = from; b <= to; b++) {
            CLASSES[b] = (byte) byteClass;
        }
    }
}
