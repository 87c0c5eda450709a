package org.lethe.verifier.membership;

/**
 * Per-sample membership scores on one model; higher means more member-like.
 *
 * @param lira offline LiRA: (φ − μ_out(x)) / σ_out, φ the logit of the true-class probability
 * @param loss the true-class log-probability (minus the cross-entropy loss)
 */
public record MembershipScores(double[] lira, double[] loss) {

    public int size() {
        return lira.length;
    }
}
