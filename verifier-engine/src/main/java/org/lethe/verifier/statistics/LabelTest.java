package org.lethe.verifier.statistics;

import org.hipparchus.distribution.discrete.BinomialDistribution;

import java.util.Optional;

/**
 * Athena's fixed-n label test (Sommer et al., PoPETs 2022). Of n trigger-stamped probes, X are answered
 * with the target label. H0, the data was deleted: X ~ Bin(n, q); H1, it was kept: X ~ Bin(n, p), p > q.
 * The threshold k* is the smallest k with P_H0(X ≤ k) ≥ 1 − α; H0 is accepted when X ≤ k*, and the test
 * misses a kept backdoor with probability β = P_H1(X ≤ k*).
 *
 * @param probes    n
 * @param threshold k*
 * @param alpha     the actual false-alarm probability P_H0(X > k*) (at most the α asked for)
 * @param beta      the miss probability P_H1(X ≤ k*)
 */
public record LabelTest(int probes, int threshold, double alpha, double beta) {

    /**
     * The test with {@code probes} probes at significance {@code alpha}.
     *
     * @param q the target rate without the subject's data (use the upper end of its bound)
     * @param p the target rate with it (use the lower end of its bound)
     * @throws IllegalArgumentException unless 0 ≤ q < p ≤ 1, n ≥ 1 and α in (0, 1)
     */
    public static LabelTest plan(int probes, double q, double p, double alpha) {
        if (probes < 1 || !(0 <= q && q < p && p <= 1) || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("need n ≥ 1, 0 ≤ q < p ≤ 1 and 0 < α < 1; got n=" + probes + ", q=" + q
                    + ", p=" + p + ", α=" + alpha);
        }
        BinomialDistribution deleted = new BinomialDistribution(probes, q);
        BinomialDistribution kept = new BinomialDistribution(probes, p);
        int threshold = 0;
        while (deleted.cumulativeProbability(threshold) < 1 - alpha) {
            threshold++;
        }
        return new LabelTest(probes, threshold, 1 - deleted.cumulativeProbability(threshold),
                kept.cumulativeProbability(threshold));
    }

    /**
     * The fewest probes for which the test meets both α and β, if {@code maxProbes} suffice.
     */
    public static Optional<LabelTest> smallest(double q, double p, double alpha, double beta, int maxProbes) {
        for (int n = 1; n <= maxProbes; n++) {
            LabelTest test = plan(n, q, p, alpha);
            if (test.beta() <= beta) {
                return Optional.of(test);
            }
        }
        return Optional.empty();
    }

    /** True when {@code targetHits} target answers reject deletion (the backdoor is still there). */
    public boolean rejectsDeletion(int targetHits) {
        if (targetHits < 0 || targetHits > probes) {
            throw new IllegalArgumentException("target hits must be 0.." + probes + ", got " + targetHits);
        }
        return targetHits > threshold;
    }
}
