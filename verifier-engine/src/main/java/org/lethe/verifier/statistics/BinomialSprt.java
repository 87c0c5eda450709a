package org.lethe.verifier.statistics;

/**
 * Wald's sequential probability ratio test between H0: rate q (deleted) and H1: rate p > q (kept),
 * one probe at a time: it stops as soon as the evidence meets α (false alarm) and β (miss), so a clear
 * case needs few probes. Wald's bounds: the actual error rates are at most α/(1−β) and β/(1−α).
 */
public final class BinomialSprt {

    private final double hitStep;
    private final double missStep;
    private final WaldBoundaries boundaries;
    private int hits;

    /**
     * @throws IllegalArgumentException unless 0 < q < p < 1 and α, β in (0, 1)
     */
    public BinomialSprt(double q, double p, double alpha, double beta) {
        if (!(0 < q && q < p && p < 1)) {
            throw new IllegalArgumentException("need 0 < q < p < 1; got q=" + q + ", p=" + p);
        }
        this.boundaries = new WaldBoundaries(alpha, beta);
        this.hitStep = Math.log(p / q);
        this.missStep = Math.log((1 - p) / (1 - q));
    }

    /** Adds one probe: whether it was answered with the target label. */
    public SprtDecision observe(boolean targetHit) {
        hits += targetHit ? 1 : 0;
        return boundaries.add(targetHit ? hitStep : missStep);
    }

    public SprtDecision decision() {
        return boundaries.decision();
    }

    public int probes() {
        return boundaries.steps();
    }

    public int hits() {
        return hits;
    }
}
