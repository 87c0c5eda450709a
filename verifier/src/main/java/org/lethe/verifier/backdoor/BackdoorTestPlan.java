package org.lethe.verifier.backdoor;

import java.util.Optional;

/**
 * The sequential paired test for one subject on one served version, fixed before the first probe.
 * α is split in two: half for a never-learnt trigger's own pull exceeding the null bound, half for the
 * sequential test itself, so a deleted subject is called NOT_DELETED with probability at most α.
 *
 * @param nullMean        μ0: the null bound, from the served version's {@link NullModel} at α/2
 * @param alternativeMean μ1: the lower confidence bound of the subject's score on the version with the data
 * @param sigma           the larger of the two per-probe spreads
 * @param alpha           false-alarm bound (NOT_DELETED when deleted)
 * @param beta            miss bound (CERTIFIED when kept)
 * @param maxProbes       the most probe pairs the test may ask
 * @param expectedProbes  Wald's average sample number, the larger of its values under H0 and H1
 * @param infeasibility   why the test cannot decide at α and β within maxProbes, if it cannot
 */
public record BackdoorTestPlan(double nullMean, double alternativeMean, double sigma, double alpha, double beta,
                               int maxProbes, double expectedProbes, Optional<String> infeasibility) {

    public static BackdoorTestPlan of(NullModel nullModel, BackdoorCalibration calibration, double alpha, double beta,
                                      int maxProbes) {
        if (!(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1) || maxProbes < 1) {
            throw new IllegalArgumentException("need α, β in (0, 1) and maxProbes ≥ 1; got " + alpha + ", " + beta + ", "
                    + maxProbes);
        }
        double nullMean = nullModel.upperMean(alpha / 2);
        double alternativeMean = calibration.scoreLowerBound();
        double sigma = Math.max(nullModel.withinSd(), calibration.scoreSd());
        if (!(alternativeMean > nullMean)) {
            return new BackdoorTestPlan(nullMean, alternativeMean, sigma, alpha, beta, maxProbes, Double.POSITIVE_INFINITY,
                    Optional.of(String.format("the trigger did not take: its paired score on the version with the data is "
                            + "at least %.3f, not above the %.3f an unlearnt trigger may reach", alternativeMean, nullMean)));
        }
        double expected = averageSampleNumber(nullMean, alternativeMean, sigma, alpha / 2, beta);
        Optional<String> infeasibility = expected <= maxProbes ? Optional.empty()
                : Optional.of(String.format("the backdoor is too weak to decide at α=%.1e, β=%.1e: about %.0f probes "
                        + "expected, at most %d allowed", alpha, beta, expected, maxProbes));
        return new BackdoorTestPlan(nullMean, alternativeMean, sigma, alpha, beta, maxProbes, expected, infeasibility);
    }

    public boolean feasible() {
        return infeasibility.isEmpty();
    }

    /** The α the sequential test itself runs at. */
    public double sequentialAlpha() {
        return alpha / 2;
    }

    private static double averageSampleNumber(double mu0, double mu1, double sigma, double alpha, double beta) {
        double a = Math.log((1 - beta) / alpha);
        double b = Math.log(beta / (1 - alpha));
        double drift = (mu1 - mu0) * (mu1 - mu0) / (2 * sigma * sigma);
        double underKept = ((1 - beta) * a + beta * b) / drift;
        double underDeleted = ((1 - alpha) * b + alpha * a) / -drift;
        return Math.max(underKept, underDeleted);
    }
}
