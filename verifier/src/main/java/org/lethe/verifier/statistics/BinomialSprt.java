package org.lethe.verifier.statistics;

/**
 * Wald's sequential probability ratio test between H0: rate q (deleted) and H1: rate p > q (kept),
 * one probe at a time: it stops as soon as the evidence meets α (false alarm) and β (miss), so a clear
 * case needs few probes. Wald's bounds: the actual error rates are at most α/(1−β) and β/(1−α).
 */
public final class BinomialSprt {

    /** Where the test stands. */
    public enum Decision {
        CONTINUE,
        /** H0: the backdoor is gone. */
        DELETED,
        /** H1: the backdoor is still there. */
        KEPT
    }

    private final double hitStep;
    private final double missStep;
    private final double upper;
    private final double lower;
    private double logRatio;
    private int probes;
    private int hits;

    /**
     * @throws IllegalArgumentException unless 0 < q < p < 1 and α, β in (0, 1)
     */
    public BinomialSprt(double q, double p, double alpha, double beta) {
        if (!(0 < q && q < p && p < 1) || !(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("need 0 < q < p < 1 and α, β in (0, 1); got q=" + q + ", p=" + p
                    + ", α=" + alpha + ", β=" + beta);
        }
        this.hitStep = Math.log(p / q);
        this.missStep = Math.log((1 - p) / (1 - q));
        this.upper = Math.log((1 - beta) / alpha);
        this.lower = Math.log(beta / (1 - alpha));
    }

    /** Adds one probe: whether it was answered with the target label. */
    public Decision observe(boolean targetHit) {
        probes++;
        if (targetHit) {
            hits++;
            logRatio += hitStep;
        } else {
            logRatio += missStep;
        }
        return decision();
    }

    public Decision decision() {
        if (logRatio >= upper) {
            return Decision.KEPT;
        }
        return logRatio <= lower ? Decision.DELETED : Decision.CONTINUE;
    }

    public int probes() {
        return probes;
    }

    public int hits() {
        return hits;
    }
}
