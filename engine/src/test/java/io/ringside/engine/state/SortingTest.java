package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortingTest {
    private final Random random = new Random(12);

    @Test
    void shouldSortIntRangesLikeArraysSortWhateverTheirShape() {
        for (int trial = 0; trial < 2_000; trial++) {
            // given a random, run-laden or few-valued array and a range of it
            int[] a = new int[random.nextInt(300) + 1];
            fill(a, trial % 4);
            int lo = random.nextInt(a.length);
            int hi = lo + random.nextInt(a.length - lo);
            int[] expected = a.clone();
            Arrays.sort(expected, lo, hi + 1);

            // when
            Sorting.sort(a, lo, hi);

            // then
            assertThat(a).isEqualTo(expected);
        }
    }

    @Test
    void shouldSortLongRangesLikeArraysSortWhateverTheirShape() {
        for (int trial = 0; trial < 2_000; trial++) {
            // given
            int[] values = new int[random.nextInt(300) + 1];
            fill(values, trial % 4);
            long[] a = new long[values.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = ((long) values[i] << 32) | (random.nextInt() & 0xffffffffL);
            }
            int lo = random.nextInt(a.length);
            int hi = lo + random.nextInt(a.length - lo);
            long[] expected = a.clone();
            Arrays.sort(expected, lo, hi + 1);

            // when
            Sorting.sort(a, lo, hi);

            // then
            assertThat(a).isEqualTo(expected);
        }
    }

    @Test
    void shouldLeaveAnEmptyRangeAlone() {
        // given
        int[] a = {3, 2, 1};

        // when
        Sorting.sort(a, 1, 0);

        // then
        assertThat(a).containsExactly(3, 2, 1);
    }

    /** Shapes: 0 random, 1 ascending runs, 2 descending, 3 few distinct values. */
    private void fill(int[] a, int shape) {
        for (int i = 0; i < a.length; i++) {
            switch (shape) {
                case 0 -> a[i] = random.nextInt();
                case 1 -> a[i] = i % 37 + (i / 37) * 5;
                case 2 -> a[i] = a.length - i;
                default -> a[i] = random.nextInt(3);
            }
        }
    }
}
