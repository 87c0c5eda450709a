package org.lethe.verifier.membership;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

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

    /** The scores of every sample but those at the given indices. */
    public MembershipScores without(Collection<Integer> left) {
        Set<Integer> dropped = new HashSet<>(left);
        int[] kept = IntStream.range(0, size()).filter(i -> !dropped.contains(i)).toArray();
        return new MembershipScores(Arrays.stream(kept).mapToDouble(i -> lira[i]).toArray(),
                Arrays.stream(kept).mapToDouble(i -> loss[i]).toArray());
    }
}
