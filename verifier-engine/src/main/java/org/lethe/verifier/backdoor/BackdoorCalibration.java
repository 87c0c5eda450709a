package org.lethe.verifier.backdoor;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.StatUtils;
import org.lethe.verifier.statistics.BinomialBounds;
import org.lethe.verifier.statistics.Interval;
import org.lethe.verifier.statistics.LabelTest;

/**
 * How strongly a subject's trigger took, measured on the model version that was trained with the
 * subject's marked data: the paired score (for the paired test) and the target-label rates p̂ on that
 * version and q̂ on the reference models (for the plain label test), each with its confidence bound.
 *
 * @param probes          probe pairs asked
 * @param meanScore       mean residual paired score on the version with the data
 * @param scoreSd         its per-probe standard deviation
 * @param scoreLowerBound the one-sided lower confidence bound of the mean score (Student's t)
 * @param scores          the probes' paired scores, from which the test's hit rate p is bounded
 * @param targetHits      trigger-stamped probes that version labelled as the target
 * @param keptRate        Clopper–Pearson interval of p, the target rate with the data
 * @param referenceHits   the same count on the reference models
 * @param referenceProbes probes times reference models
 * @param referenceRate   Clopper–Pearson interval of q, the target rate without it
 * @param confidence      the confidence of the bounds
 */
public record BackdoorCalibration(int probes, double meanScore, double scoreSd, double scoreLowerBound, double[] scores,
                                  int targetHits,
                                  Interval keptRate, int referenceHits, int referenceProbes, Interval referenceRate,
                                  double confidence) {

    /**
     * @throws IllegalArgumentException with fewer than 2 probes or a confidence outside (0, 1)
     */
    public static BackdoorCalibration of(PairedScores scores, double confidence) {
        int probes = scores.probes();
        if (probes < 2) {
            throw new IllegalArgumentException("calibration needs at least 2 probes, got " + probes);
        }
        double mean = StatUtils.mean(scores.residuals());
        double sd = Math.sqrt(StatUtils.variance(scores.residuals()));
        double t = new TDistribution(probes - 1).inverseCumulativeProbability(confidence);
        // the two-sided interval at 2c − 1 puts 1 − c in each tail: its ends are the one-sided bounds at c
        double twoSided = 2 * confidence - 1;
        return new BackdoorCalibration(probes, mean, sd, mean - t * sd / Math.sqrt(probes), scores.residuals().clone(),
                scores.targetHits(),
                BinomialBounds.clopperPearson(scores.targetHits(), probes, twoSided), scores.referenceHits(),
                scores.referenceProbes(),
                BinomialBounds.clopperPearson(scores.referenceHits(), scores.referenceProbes(), twoSided), confidence);
    }

    /** p̂, the target-label rate of stamped probes on the version with the data. */
    public double keptRateEstimate() {
        return (double) targetHits / probes;
    }

    /** q̂, the target-label rate of stamped probes on the reference models. */
    public double referenceRateEstimate() {
        return (double) referenceHits / referenceProbes;
    }

    /**
     * Whether Athena's plain label test, on the conservative ends (q's upper, p's lower bound), could
     * decide at α and β within {@code maxProbes}: under SISA it mostly cannot, which is why the paired
     * test exists.
     */
    public boolean labelTestDecidable(double alpha, double beta, int maxProbes) {
        double q = referenceRate.upper();
        double p = keptRate.lower();
        return q < p && LabelTest.smallest(q, p, alpha, beta, maxProbes).isPresent();
    }
}
