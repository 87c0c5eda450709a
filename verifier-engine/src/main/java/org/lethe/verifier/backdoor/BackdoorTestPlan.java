package org.lethe.verifier.backdoor;

import org.lethe.verifier.statistics.BinomialBounds;
import org.lethe.verifier.statistics.TruncatedBinomialSprt;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The sequential paired test for one subject on one served version, fixed before the first probe. A
 * probe is a hit when its paired score exceeds the threshold τ; a truncated sequential test then weighs
 * hits against q, the hit rate of a trigger no model learnt, and p, the hit rate on the version trained
 * with the subject's data, within the allowed probes. Thresholding makes the test's error rates exact
 * binomial ones whatever the spread of the scores, which under a kept backdoor varies a lot from image to
 * image.
 * <p>
 * α is split in two: half for a never-learnt trigger's own pull exceeding the null bound μ0, half for the
 * sequential test itself, so a deleted subject is called NOT_DELETED with probability at most α.
 *
 * @param nullMean       μ0: the mean score an unlearnt trigger stays under, from the version's {@link NullModel} at α/2
 * @param nullSd         σ0: the per-probe spread of an unlearnt trigger's scores
 * @param threshold      τ: a probe scoring above it is a hit
 * @param nullHitRate    q: an upper confidence bound on the hit rate of an unlearnt trigger whose mean is μ0,
 *                       counted over the null's measured deviations (at the calibration's confidence)
 * @param keptHitRate    p: the lower confidence bound of the hit rate on the version with the data, counted on
 *                       calibration probes the threshold was not chosen on
 * @param alpha          false-alarm bound (NOT_DELETED when deleted)
 * @param beta           miss bound (CERTIFIED when kept)
 * @param maxProbes      the most probe pairs the test may ask
 * @param sequentialTest the test between q and p at α/2 and β, with its exact error rates and chance of ending
 *                       undecided (none when p ≤ q)
 * @param infeasibility  why the test cannot decide at α and β within maxProbes, if it cannot
 */
public record BackdoorTestPlan(double nullMean, double nullSd, double threshold, double nullHitRate, double keptHitRate,
                               double alpha, double beta, int maxProbes, Optional<TruncatedBinomialSprt> sequentialTest,
                               Optional<String> infeasibility) {

    /** Thresholds tried: μ0 plus this many σ0. */
    private static final double[] THRESHOLD_STEPS = {0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6};
    /** q is never taken below this, so that no single hit decides. */
    private static final double MIN_NULL_HIT_RATE = 1e-3;
    /**
     * A test that would end undecided more often than this, at q or at p, is too weak to plan: the subject
     * hears so at calibration rather than from an INCONCLUSIVE verification later.
     */
    static final double MAX_UNDECIDED = 0.05;

    /**
     * Picks the threshold whose test (within α and β) decides most often, with the fewest probes, on the
     * even-numbered calibration probes, and bounds p at that threshold on the odd-numbered ones: bounded on
     * the probes that chose it, p would lean towards whichever of the ten thresholds was luckiest, and β, the
     * chance of certifying a kept backdoor, rests on p.
     *
     * @throws IllegalArgumentException for α, β outside (0, 1) or maxProbes < 1
     */
    public static BackdoorTestPlan of(NullModel nullModel, BackdoorCalibration calibration, double alpha, double beta,
                                      int maxProbes) {
        if (!(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1) || maxProbes < 1) {
            throw new IllegalArgumentException("need α, β in (0, 1) and maxProbes ≥ 1; got " + alpha + ", " + beta + ", "
                    + maxProbes);
        }
        Planner planner = new Planner(nullModel, nullModel.upperMean(alpha / 2), nullModel.withinSd(),
                calibration.confidence(), alpha, beta, maxProbes);
        double[] choosing = everyOther(calibration.scores(), 0);
        BackdoorTestPlan best = null;
        for (double step : THRESHOLD_STEPS) {
            BackdoorTestPlan candidate = planner.at(planner.nullMean + step * planner.nullSd, choosing);
            if (best == null || candidate.betterThan(best)) {
                best = candidate;
            }
        }
        return planner.at(best.threshold, everyOther(calibration.scores(), 1)).withVerdictOnFeasibility();
    }

    private static double[] everyOther(double[] scores, int first) {
        return IntStream.iterate(first, i -> i < scores.length, i -> i + 2).mapToDouble(i -> scores[i]).toArray();
    }

    /** What every threshold's plan shares: the null's bound and spread, the error rates, the probe limit. */
    private record Planner(NullModel nullModel, double nullMean, double nullSd, double confidence, double alpha,
                           double beta, int maxProbes) {

        /** The plan at τ, with p the lower confidence bound of the hit rate among {@code scores}. */
        BackdoorTestPlan at(double threshold, double[] scores) {
            double q = Math.max(MIN_NULL_HIT_RATE, nullModel.exceedanceBound(threshold - nullMean, confidence));
            long hits = Arrays.stream(scores).filter(score -> score > threshold).count();
            double p = BinomialBounds.clopperPearson((int) hits, scores.length, 2 * confidence - 1).lower();
            Optional<TruncatedBinomialSprt> test = p > q
                    ? Optional.of(TruncatedBinomialSprt.design(q, p, alpha / 2, beta, maxProbes))
                    : Optional.empty();
            return new BackdoorTestPlan(nullMean, nullSd, threshold, q, p, alpha, beta, maxProbes, test, Optional.empty());
        }
    }

    private boolean betterThan(BackdoorTestPlan other) {
        return sequentialTest.isPresent() && (other.sequentialTest.isEmpty()
                || sequentialTest.get().betterThan(other.sequentialTest.get()));
    }

    public boolean feasible() {
        return infeasibility.isEmpty();
    }

    private BackdoorTestPlan withVerdictOnFeasibility() {
        Optional<String> reason;
        if (sequentialTest.isEmpty()) {
            reason = Optional.of(String.format("the trigger did not take: on the version with the data no more of its "
                    + "probes score above an unlearnt trigger's bound μ0=%.3f than an unlearnt trigger's would", nullMean));
        } else if (sequentialTest.get().undecided() > MAX_UNDECIDED) {
            reason = Optional.of(String.format("the backdoor is too weak to decide at α=%.1e, β=%.1e within %d probes: "
                    + "with hit rate p ≥ %.3f against q ≤ %.4f even the best test would end undecided %.0f %% of the "
                    + "time", alpha, beta, maxProbes, keptHitRate, nullHitRate, 100 * sequentialTest.get().undecided()));
        } else {
            reason = Optional.empty();
        }
        return new BackdoorTestPlan(nullMean, nullSd, threshold, nullHitRate, keptHitRate, alpha, beta, maxProbes,
                sequentialTest, reason);
    }
}
