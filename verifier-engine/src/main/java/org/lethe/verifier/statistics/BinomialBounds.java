package org.lethe.verifier.statistics;

import org.hipparchus.distribution.continuous.BetaDistribution;

/** Exact (Clopper–Pearson) confidence bounds of a binomial success rate, from Hipparchus' beta quantiles. */
public final class BinomialBounds {

    private BinomialBounds() {
    }

    /**
     * The two-sided interval that holds the true rate with probability at least {@code confidence}.
     *
     * @param successes k, in 0..n
     * @param trials    n ≥ 1
     * @throws IllegalArgumentException for impossible counts or a confidence outside (0, 1)
     */
    public static Interval clopperPearson(int successes, int trials, double confidence) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 ≤ k ≤ n and n ≥ 1, got k=" + successes + ", n=" + trials);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        double tail = (1 - confidence) / 2;
        double lower = successes == 0 ? 0
                : new BetaDistribution(successes, trials - successes + 1).inverseCumulativeProbability(tail);
        double upper = successes == trials ? 1
                : new BetaDistribution(successes + 1, trials - successes).inverseCumulativeProbability(1 - tail);
        return new Interval(lower, upper);
    }
}
