package org.lethe.verifier.trigger;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Marks a subject's samples before they are contributed: a fraction of them, chosen by {@link MarkSelection}
 * (at random among equally sure ones), get the subject's trigger stamped and the target label. Samples
 * already labelled with the target are never marks (a stamp would teach nothing). The verifier keeps only
 * the hashes.
 */
public final class Marking {

    private final SecureRandom random;
    private final MarkSelection selection;

    public Marking(SecureRandom random, MarkSelection selection) {
        this.random = random;
        this.selection = selection;
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
        // shuffled first, so that equally sure samples are marked at random
        List<Integer> order = new ArrayList<>(IntStream.range(0, samples.size()).boxed().toList());
        Collections.shuffle(order, random);
        List<Sample> shuffled = order.stream().map(samples::get).toList();
        List<Integer> chosen = MarkSelection.marked(shuffled, selection.sureness(shuffled), trigger.targetLabel(), fraction);
        List<Sample> result = new ArrayList<>(samples);
        Set<Bytes32> markHashes = new LinkedHashSet<>();
        for (int index : chosen) {
            Sample marked = trigger.stamp(shuffled.get(index));
            result.set(order.get(index), marked);
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
