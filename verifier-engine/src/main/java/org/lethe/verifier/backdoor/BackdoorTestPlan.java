package org.lethe.verifier.backdoor;

import org.lethe.verifier.statistics.BinomialBounds;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The sequential paired test for one subject on one served version, fixed before the first probe. A
 * probe is a hit when its paired score exceeds the threshold τ; Wald's binomial test then weighs hits
 * against q, the hit rate of a trigger no model learnt, and p, the hit rate on the version trained with
 * the subject's data. Thresholding makes the test's error rates exact binomial ones whatever the spread
 * of the scores, which under a kept backdoor varies a lot from image to image.
 * <p>
 * α is split in two: half for a never-learnt trigger's own pull exceeding the null bound μ0, half for the
 * sequential test itself, so a deleted subject is called NOT_DELETED with probability at most α.
 *
 * @param nullMean       μ0: the mean score an unlearnt trigger stays under, from the version's {@link NullModel} at α/2
 * @param nullSd         σ0: the per-probe spread of an unlearnt trigger's scores
 * @param threshold      τ: a probe scoring above it is a hit
 * @param nullHitRate    q: an upper confidence bound on the hit rate of an unlearnt trigger whose mean is μ0,
 *                       counted over the null's measured deviations (at the calibration's confidence)
 * @param keptHitRate    p: the lower confidence bound of the hit rate on the version with the data
 * @param alpha          false-alarm bound (NOT_DELETED when deleted)
 * @param beta           miss bound (CERTIFIED when kept)
 * @param maxProbes      the most probe pairs the test may ask
 * @param expectedProbes Wald's average sample number, the larger of its values under H0 and H1 (none when p ≤ q)
 * @param infeasibility  why the test cannot decide at α and β within maxProbes, if it cannot
 */
public record BackdoorTestPlan(double nullMean, double nullSd, double threshold, double nullHitRate, double keptHitRate,
                               double alpha, double beta, int maxProbes, OptionalDouble expectedProbes,
                               Optional<String> infeasibility) {

    /** Thresholds tried: μ0 plus this many σ0. */
    private static final double[] THRESHOLD_STEPS = {0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6};
    /** q is never taken below this, so that no single hit decides. */
    private static final double MIN_NULL_HIT_RATE = 1e-3;

    /**
     * Picks the threshold that needs the fewest probes on average.
     *
     * @throws IllegalArgumentException for α, β outside (0, 1) or maxProbes < 1
     */
    public static BackdoorTestPlan of(NullModel nullModel, BackdoorCalibration calibration, double alpha, double beta,
                                      int maxProbes) {
        if (!(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1) || maxProbes < 1) {
            throw new IllegalArgumentException("need α, β in (0, 1) and maxProbes ≥ 1; got " + alpha + ", " + beta + ", "
                    + maxProbes);
        }
        double nullMean = nullModel.upperMean(alpha / 2);
        double nullSd = nullModel.withinSd();
        BackdoorTestPlan best = null;
        for (double step : THRESHOLD_STEPS) {
            double threshold = nullMean + step * nullSd;
            double q = Math.max(MIN_NULL_HIT_RATE, nullModel.exceedanceBound(threshold - nullMean, calibration.confidence()));
            long hits = Arrays.stream(calibration.scores()).filter(score -> score > threshold).count();
            double p = BinomialBounds.clopperPearson((int) hits, calibration.probes(), 2 * calibration.confidence() - 1)
                    .lower();
            OptionalDouble expected = p > q ? OptionalDouble.of(averageSampleNumber(q, p, alpha / 2, beta))
                    : OptionalDouble.empty();
            BackdoorTestPlan candidate = new BackdoorTestPlan(nullMean, nullSd, threshold, q, p, alpha, beta, maxProbes,
                    expected, Optional.empty());
            if (best == null || expected.isPresent() && (best.expectedProbes.isEmpty()
                    || expected.getAsDouble() < best.expectedProbes.getAsDouble())) {
                best = candidate;
            }
        }
        return best.withVerdictOnFeasibility();
    }

    public boolean feasible() {
        return infeasibility.isEmpty();
    }

    /** The α the sequential test itself runs at. */
    public double sequentialAlpha() {
        return alpha / 2;
    }

    private BackdoorTestPlan withVerdictOnFeasibility() {
        Optional<String> reason;
        if (expectedProbes.isEmpty()) {
            reason = Optional.of(String.format("the trigger did not take: on the version with the data no more of its "
                    + "probes score above an unlearnt trigger's bound μ0=%.3f than an unlearnt trigger's would", nullMean));
        } else if (expectedProbes.getAsDouble() > maxProbes) {
            reason = Optional.of(String.format("the backdoor is too weak to decide at α=%.1e, β=%.1e: about %.0f probes "
                    + "expected (hit rate p ≥ %.3f against q ≤ %.4f), at most %d allowed", alpha, beta,
                    expectedProbes.getAsDouble(), keptHitRate, nullHitRate, maxProbes));
        } else {
            reason = Optional.empty();
        }
        return new BackdoorTestPlan(nullMean, nullSd, threshold, nullHitRate, keptHitRate, alpha, beta, maxProbes,
                expectedProbes, reason);
    }

    /** Wald's average sample number of the binomial SPRT, the larger of its values under H0 and H1. */
    private static double averageSampleNumber(double q, double p, double alpha, double beta) {
        double upper = Math.log((1 - beta) / alpha);
        double lower = Math.log(beta / (1 - alpha));
        double driftKept = p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
        double driftDeleted = q * Math.log(p / q) + (1 - q) * Math.log((1 - p) / (1 - q));
        double underKept = ((1 - beta) * upper + beta * lower) / driftKept;
        double underDeleted = ((1 - alpha) * lower + alpha * upper) / driftDeleted;
        return Math.max(underKept, underDeleted);
    }
}
