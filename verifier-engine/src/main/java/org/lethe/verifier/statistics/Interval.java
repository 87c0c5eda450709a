package org.lethe.verifier.statistics;

/**
 * A closed interval of probabilities.
 *
 * @param lower the lower end, in [0, 1]
 * @param upper the upper end, in [lower, 1]
 */
public record Interval(double lower, double upper) {
    public Interval {
        if (!(0 <= lower && lower <= upper && upper <= 1)) {
            throw new IllegalArgumentException("not an interval of probabilities: [" + lower + ", " + upper + "]");
        }
    }
}
