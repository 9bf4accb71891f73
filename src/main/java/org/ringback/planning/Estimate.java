package org.ringback.planning;

import java.util.Locale;

/**
 * A measure averaged over independent replications with its 95 % confidence interval (Student t): how sure a
 * what-if answer is.
 */
public record Estimate(double mean, double lower, double upper) {

    /** t(0.975, df) for df = 1..30; beyond that the Cornish–Fisher expansion is exact to three decimals. */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
            2.056, 2.052, 2.048, 2.045, 2.042};

    static Estimate of(double[] values) {
        int n = values.length;
        if (n < 2) {
            throw new IllegalArgumentException("a confidence interval needs at least two replications");
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / n;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double halfWidth = tQuantile975(n - 1) * Math.sqrt(squares / (n - 1) / n);
        return new Estimate(mean, mean - halfWidth, mean + halfWidth);
    }

    static double tQuantile975(int degreesOfFreedom) {
        if (degreesOfFreedom <= T_975.length) {
            return T_975[degreesOfFreedom - 1];
        }
        double z = 1.959963984540054;
        double v = degreesOfFreedom;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
    }

    public double halfWidth() {
        return (upper - lower) / 2;
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", mean, lower, upper);
    }
}
