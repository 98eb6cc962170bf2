package io.ringside.protocol.state;

/**
 * The fixed-point rule of {@code ringside/v1/state.proto} (kind QUANT): a number is held as the
 * 32-bit count of {@code scale} steps nearest to it, and shown as that count times the scale.
 * Used by generated entity classes; the same arithmetic runs in every mirror.
 */
public final class Quantization {
    private Quantization() {
    }

    /**
     * {@code floor(value / scale + 0.5)} clamped to the {@code int} range; NaN gives 0.
     *
     * @param scale the step, greater than 0
     */
    public static int quantize(double value, double scale) {
        double steps = Math.floor(value / scale + 0.5);
        if (steps != steps) {
            return 0;
        }
        if (steps >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        if (steps <= Integer.MIN_VALUE) {
            return Integer.MIN_VALUE;
        }
        return (int) steps;
    }

    /** The value of {@code steps} steps of {@code scale}, in double precision. */
    public static double toDouble(int steps, double scale) {
        return steps * scale;
    }

    /** The value of {@code steps} steps of {@code scale}, computed in double precision, then rounded to float. */
    public static float toFloat(int steps, double scale) {
        return (float) (steps * scale);
    }
}
