package org.lethe.verifier.statistics;

/**
 * Wald's sequential test between two normal means with a shared standard deviation: H0 (deleted) mean
 * μ0, H1 (kept) mean μ1 > μ0. Each observation x adds (μ1 − μ0)(x − (μ0 + μ1)/2)/σ², the exact
 * log-likelihood ratio, which grows with x: a larger score is never evidence for deletion. When the
 * true spread under H0 is below σ, the false-alarm rate only falls.
 */
public final class GaussianSprt {

    private final double nullMean;
    private final double alternativeMean;
    private final double variance;
    private final WaldBoundaries boundaries;
    private double sum;

    /**
     * @throws IllegalArgumentException unless μ0 < μ1, σ > 0 and α, β in (0, 1)
     */
    public GaussianSprt(double nullMean, double alternativeMean, double sigma, double alpha, double beta) {
        if (!(nullMean < alternativeMean) || !(sigma > 0) || !Double.isFinite(alternativeMean) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("need finite μ0 < μ1 and σ > 0; got μ0=" + nullMean + ", μ1="
                    + alternativeMean + ", σ=" + sigma);
        }
        this.boundaries = new WaldBoundaries(alpha, beta);
        this.nullMean = nullMean;
        this.alternativeMean = alternativeMean;
        this.variance = sigma * sigma;
    }

    /** Adds one observation. */
    public SprtDecision observe(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("a score must be finite, got " + score);
        }
        sum += score;
        double midpoint = (nullMean + alternativeMean) / 2;
        return boundaries.add((alternativeMean - nullMean) * (score - midpoint) / variance);
    }

    public SprtDecision decision() {
        return boundaries.decision();
    }

    public int observations() {
        return boundaries.steps();
    }

    /** The mean of the observations so far (0 before the first). */
    public double mean() {
        return observations() == 0 ? 0 : sum / observations();
    }

    /** The running log-likelihood ratio log(L1/L0). */
    public double logLikelihoodRatio() {
        return boundaries.logRatio();
    }
}
