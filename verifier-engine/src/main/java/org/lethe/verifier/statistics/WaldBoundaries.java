package org.lethe.verifier.statistics;

/**
 * Wald's stopping rule on a running log-likelihood ratio log(L1/L0): stop for H1 at log((1−β)/α), for
 * H0 at log(β/(1−α)). When each step adds the true log-likelihood ratio of the observation, the actual
 * error rates are at most α/(1−β) and β/(1−α).
 */
final class WaldBoundaries {

    private final double upper;
    private final double lower;
    private double logRatio;
    private int steps;

    WaldBoundaries(double alpha, double beta) {
        if (!(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("α and β must lie in (0, 1); got α=" + alpha + ", β=" + beta);
        }
        this.upper = Math.log((1 - beta) / alpha);
        this.lower = Math.log(beta / (1 - alpha));
    }

    SprtDecision add(double logRatioStep) {
        steps++;
        logRatio += logRatioStep;
        return decision();
    }

    SprtDecision decision() {
        if (logRatio >= upper) {
            return SprtDecision.KEPT;
        }
        return logRatio <= lower ? SprtDecision.DELETED : SprtDecision.CONTINUE;
    }

    int steps() {
        return steps;
    }

    double logRatio() {
        return logRatio;
    }
}
