package io.ringside.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Every word-at-a-time search against a byte-at-a-time definition, on random bytes rich in the bytes
 * that matter, from random starts, with {@code end} before the array's end (so that the searches
 * read bytes past it that they must ignore) and at it (so that they finish byte by byte).
 */
class AsciiScanTest {
    private static final int ROUNDS = 50_000;

    @Test
    void shouldFindFirstLfWhenBytesAreRandom() {
        assertMatchesDefinition(Search.LF, b -> b == '\n');
    }

    @Test
    void shouldFindFirstNonVisibleWhenBytesAreRandom() {
        assertMatchesDefinition(Search.NON_VISIBLE, b -> b <= 0x20 || b >= 0x7F);
    }

    @Test
    void shouldFindFirstNonPrintableWhenBytesAreRandom() {
        assertMatchesDefinition(Search.NON_PRINTABLE, b -> b < 0x20 || b >= 0x7F);
    }

    private static void assertMatchesDefinition(Search search, IntPredicate wanted) {
        Random random = new Random(9110 + search.ordinal());
        for (int round = 0; round < ROUNDS; round++) {
            // given
            byte[] bytes = new byte[random.nextInt(48)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = randomByte(random);
            }
            int end = bytes.length == 0 || random.nextBoolean() ? bytes.length : random.nextInt(bytes.length + 1);
            int from = random.nextInt(end + 1);

            // when
            int found = search.run(bytes, from, end);

            // then
            int expected = from;
            while (expected < end && !wanted.test(bytes[expected] & 0xFF)) {
                expected++;
            }
            assertThat(found).as("%s from %d to %d in %s", search, from, end, java.util.Arrays.toString(bytes))
                    .isEqualTo(expected);
        }
    }

    private static byte randomByte(Random random) {
        switch (random.nextInt(12)) {
            case 0: return '\n';
            case 1: return '\r';
            case 2: return ':';
            case 3: return ' ';
            case 4: return 0x7F;
            case 5: return (byte) 0xFF;
            case 6: return (byte) random.nextInt(0x20);
            case 7: return (byte) (0x80 + random.nextInt(0x80));
            case 8: return '!';
            case 9: return '~';
            default: return (byte) (0x20 + random.nextInt(0x5F));
        }
    }

    private enum Search {
        LF, NON_VISIBLE, NON_PRINTABLE;

        int run(byte[] bytes, int from, int end) {
            switch (this) {
                case LF: return AsciiScan.indexOfLf(bytes, from, end);
                case NON_VISIBLE: return AsciiScan.indexOfNonVisible(bytes, from, end);
                default: return AsciiScan.indexOfNonPrintable(bytes, from, end);
            }
        }
    }
}
