package io.ringside.engine.state;

/**
 * In-place ascending sorts of primitive ranges that never allocate. Not {@code Arrays.sort}: the
 * JDK's dual-pivot quicksort looks for ascending runs first and, on input that has some (the held
 * entities come first and in order; records of equal priority rank by index), allocates a run table
 * and a merge buffer on every call. Quicksort with a median-of-three pivot, recursing into the
 * smaller side; insertion sort below 17 elements.
 */
final class Sorting {
    private static final int INSERTION_SORT_MAX = 16;

    private Sorting() {
    }

    /** Sorts {@code a[lo..hi]} (both inclusive) ascending. */
    static void sort(int[] a, int lo, int hi) {
        while (hi - lo > INSERTION_SORT_MAX) {
            int mid = (lo + hi) >>> 1;
            int pivot = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            // recurse into the smaller side, loop on the larger: stack depth stays logarithmic
            if (j - lo < hi - i) {
                sort(a, lo, j);
                lo = i;
            } else {
                sort(a, i, hi);
                hi = j;
            }
        }
        for (int k = lo + 1; k <= hi; k++) {
            int v = a[k];
            int m = k - 1;
            while (m >= lo && a[m] > v) {
                a[m + 1] = a[m];
                m--;
            }
            a[m + 1] = v;
        }
    }

    /** Sorts {@code a[lo..hi]} (both inclusive) ascending. */
    static void sort(long[] a, int lo, int hi) {
        while (hi - lo > INSERTION_SORT_MAX) {
            int mid = (lo + hi) >>> 1;
            long pivot = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (j - lo < hi - i) {
                sort(a, lo, j);
                lo = i;
            } else {
                sort(a, i, hi);
                hi = j;
            }
        }
        for (int k = lo + 1; k <= hi; k++) {
            long v = a[k];
            int m = k - 1;
            while (m >= lo && a[m] > v) {
                a[m + 1] = a[m];
                m--;
            }
            a[m + 1] = v;
        }
    }
}
