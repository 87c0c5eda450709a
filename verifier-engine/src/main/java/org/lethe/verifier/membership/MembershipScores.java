package org.lethe.verifier.membership;

import org.lethe.ml.data.Sample;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Per-sample membership scores on one model; higher means more member-like.
 *
 * @param lira   offline LiRA: (φ − μ_out(x)) / σ_out, φ the logit of the true-class probability
 * @param loss   the true-class log-probability (minus the cross-entropy loss)
 * @param labels each sample's label
 */
public record MembershipScores(double[] lira, double[] loss, int[] labels) {

    public MembershipScores {
        if (lira.length != loss.length || lira.length != labels.length) {
            throw new IllegalArgumentException("one LiRA score, loss and label per sample; got " + lira.length + ", "
                    + loss.length + " and " + labels.length);
        }
    }

    public int size() {
        return lira.length;
    }

    /**
     * The largest subset of these scores, in their order, whose classes are mixed as {@code mix}'s are: as
     * many of each class, times one common ratio, as this set holds of the class it is shortest of. A
     * model is surer of some classes than of others, so a group of samples is comparable with known
     * non-members only when both mix classes alike.
     *
     * @throws IllegalArgumentException when a class of {@code mix} has no scores here
     */
    public MembershipScores matchedTo(int[] mix) {
        int[] kept = matchedIndices(mix);
        return new MembershipScores(Arrays.stream(kept).mapToDouble(i -> lira[i]).toArray(),
                Arrays.stream(kept).mapToDouble(i -> loss[i]).toArray(), Arrays.stream(kept).map(i -> labels[i]).toArray());
    }

    /**
     * Which of these scores {@link #matchedTo} keeps, by index: to match other scores of the same samples.
     *
     * @throws IllegalArgumentException when a class of {@code mix} has no scores here
     */
    public int[] matchedIndices(int[] mix) {
        int[] wanted = new int[Sample.CLASSES];
        int[] held = new int[Sample.CLASSES];
        IntStream.of(mix).forEach(label -> wanted[label]++);
        IntStream.of(labels).forEach(label -> held[label]++);
        double ratio = Double.POSITIVE_INFINITY;
        for (int label = 0; label < Sample.CLASSES; label++) {
            if (wanted[label] > 0) {
                if (held[label] == 0) {
                    throw new IllegalArgumentException("no known non-member of class " + label + " to compare with");
                }
                ratio = Math.min(ratio, (double) held[label] / wanted[label]);
            }
        }
        int[] quota = new int[Sample.CLASSES];
        for (int label = 0; label < Sample.CLASSES; label++) {
            quota[label] = (int) Math.floor(ratio * wanted[label]);
        }
        int[] kept = new int[IntStream.of(quota).sum()];
        int taken = 0;
        for (int i = 0; i < size() && taken < kept.length; i++) {
            if (quota[labels[i]] > 0) {
                quota[labels[i]]--;
                kept[taken++] = i;
            }
        }
        return kept;
    }
}
