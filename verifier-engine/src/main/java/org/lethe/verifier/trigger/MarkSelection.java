package org.lethe.verifier.trigger;

import org.lethe.ml.data.Sample;
import org.lethe.verifier.oracle.ModelOracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which samples carry the marks: of those not already labelled with the target, the ones the verifier's
 * reference models (trained without the subject) are surest of. Relabelling an image deep inside its class
 * barely moves a decision boundary; relabelling one near a boundary moves it. The same rule, applied to the
 * verifier's known non-members at the same share, picks the controls the subject's unmarked samples are
 * compared with: those are no random sample of the subject's data any more, but the harder part of it.
 */
public final class MarkSelection {

    private final ModelOracle reference;

    public MarkSelection(ModelOracle reference) {
        this.reference = reference;
    }

    /** The reference's probability of each sample's own label. */
    public double[] sureness(List<Sample> samples) {
        if (samples.isEmpty()) {
            return new double[0];
        }
        float[][] probabilities = reference.probabilities(samples);
        double[] sureness = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            sureness[i] = probabilities[i][samples.get(i).label()];
        }
        return sureness;
    }

    /**
     * The indices of the {@code share · n} (rounded) samples the rule marks, or of every eligible one if
     * fewer are eligible; among equally sure samples, the earlier.
     *
     * @param sureness {@link #sureness} of the samples
     */
    public static List<Integer> marked(List<Sample> samples, double[] sureness, int targetLabel, double share) {
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).label() != targetLabel) {
                eligible.add(i);
            }
        }
        return surest(eligible, sureness, (int) Math.round(share * samples.size()));
    }

    /**
     * The share of the samples the reference models are surest of, whatever their label: where marks are
     * made, so where probes find a backdoor strongest.
     */
    public List<Sample> surestShare(List<Sample> samples, double share) {
        List<Integer> all = new ArrayList<>(IntStream.range(0, samples.size()).boxed().toList());
        return surest(all, sureness(samples), (int) Math.round(share * samples.size())).stream().map(samples::get).toList();
    }

    /** The {@code count} indices of highest sureness, or all of them; among equals, the earlier. */
    private static List<Integer> surest(List<Integer> indices, double[] sureness, int count) {
        List<Integer> sorted = new ArrayList<>(indices);
        sorted.sort(Comparator.comparingDouble((Integer i) -> sureness[i]).reversed());
        return List.copyOf(sorted.subList(0, Math.min(sorted.size(), count)));
    }
}
