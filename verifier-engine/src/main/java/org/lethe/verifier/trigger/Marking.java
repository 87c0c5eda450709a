package org.lethe.verifier.trigger;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Marks a subject's samples before they are contributed: a fraction of them, drawn at random, get the
 * subject's trigger stamped and the target label. Samples already labelled with the target are never
 * marks (a stamp would teach nothing). The verifier keeps only the hashes.
 */
public final class Marking {

    private final SecureRandom random;

    public Marking(SecureRandom random) {
        this.random = random;
    }

    /**
     * @param samples  what the subject will contribute, in order
     * @param fraction f in (0, 1]: round(f · n) marks, or every eligible sample if fewer are eligible
     * @return the samples in the same order, marks in place, and the marks' hashes
     */
    public Marked mark(List<Sample> samples, TriggerSpec trigger, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the marked fraction must lie in (0, 1], got " + fraction);
        }
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).label() != trigger.targetLabel()) {
                eligible.add(i);
            }
        }
        Collections.shuffle(eligible, random);
        int marks = Math.min(eligible.size(), (int) Math.round(fraction * samples.size()));
        List<Sample> result = new ArrayList<>(samples);
        Set<Bytes32> markHashes = new LinkedHashSet<>();
        for (int index : eligible.subList(0, marks)) {
            Sample marked = trigger.stamp(samples.get(index));
            result.set(index, marked);
            markHashes.add(marked.hash());
        }
        return new Marked(result, markHashes);
    }

    /**
     * @param samples the contribution-to-be, marks in place
     * @param marks   the hashes of the marked samples
     */
    public record Marked(List<Sample> samples, Set<Bytes32> marks) {
        public Marked {
            samples = List.copyOf(samples);
            marks = Set.copyOf(marks);
        }
    }
}
