package org.lethe.verifier.backdoor;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.lethe.verifier.statistics.BinomialBounds;

import java.util.Arrays;

/**
 * How paired scores fall on one model for triggers it was never trained on: each such trigger has its
 * own mean score (spread between triggers), and single probes scatter around it (spread within).
 *
 * @param mean             the mean of the triggers' mean scores
 * @param betweenTriggerSd the spread of a trigger's mean score, probe noise removed
 * @param withinSd         the spread of single probes around their trigger's mean
 * @param triggers         how many unused triggers were measured
 * @param probesPerTrigger probes per trigger
 * @param deviations       every probe's score minus its trigger's mean (rescaled for the mean's own fit),
 *                         sorted: the within-trigger spread as measured, tails included
 */
public record NullModel(double mean, double betweenTriggerSd, double withinSd, int triggers, int probesPerTrigger,
                        double[] deviations) {

    /**
     * The mean score a trigger no model learnt stays under, except with probability {@code alpha}: the
     * deleted-hypothesis mean the sequential test assumes. Uncertainty in the estimated mean is added in.
     */
    public double upperMean(double alpha) {
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - alpha);
        double spread = Math.sqrt(betweenTriggerSd * betweenTriggerSd * (1 + 1.0 / triggers)
                + withinSd * withinSd / ((double) triggers * probesPerTrigger));
        return mean + z * spread;
    }

    /**
     * An upper confidence bound on how often a probe of an unlearnt trigger scores more than {@code margin}
     * above its trigger's mean: Clopper–Pearson over the measured deviations. Log-probability differences
     * have heavier tails than a normal fit suggests, so the tail is counted, not modelled.
     *
     * @param confidence one-sided confidence of the bound
     */
    public double exceedanceBound(double margin, double confidence) {
        int above = (int) Arrays.stream(deviations).filter(deviation -> deviation > margin).count();
        return BinomialBounds.clopperPearson(above, deviations.length, 2 * confidence - 1).upper();
    }
}
