package org.lethe.verifier.backdoor;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * How paired scores fall on one model for triggers it was never trained on: each such trigger has its
 * own mean score (spread between triggers), and single probes scatter around it (spread within).
 *
 * @param mean             the mean of the triggers' mean scores
 * @param betweenTriggerSd the spread of a trigger's mean score, probe noise removed
 * @param withinSd         the spread of single probes around their trigger's mean
 * @param triggers         how many unused triggers were measured
 * @param probesPerTrigger probes per trigger
 */
public record NullModel(double mean, double betweenTriggerSd, double withinSd, int triggers, int probesPerTrigger) {

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
}
