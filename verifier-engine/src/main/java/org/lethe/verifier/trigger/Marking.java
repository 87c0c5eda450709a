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
 * marks (a stamp would teach nothing). A further fraction of the rest are covers: stamped with a fresh
 * random pattern of the trigger's shape and region, keeping their label. Covers teach the model that
 * bright background pixels alone mean nothing, so that only the subject's exact pattern carries the
 * target; and the provider cannot find the marks by looking for bright background. The verifier keeps
 * only the hashes.
 */
public final class Marking {

    private final SecureRandom random;
    private final TriggerGenerator coverPatterns;

    /** @param coverPatterns draws the covers' patterns: the triggers' generator */
    public Marking(SecureRandom random, TriggerGenerator coverPatterns) {
        this.random = random;
        this.coverPatterns = coverPatterns;
    }

    /**
     * Refuses fractions {@link #mark} cannot use, so that a service can refuse them when it starts.
     *
     * @throws IllegalArgumentException unless f lies in (0, 1] and c in [0, 1)
     */
    public static void checkFractions(double fraction, double coverFraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the marked fraction must lie in (0, 1], got " + fraction);
        }
        if (!(coverFraction >= 0 && coverFraction < 1)) {
            throw new IllegalArgumentException("the cover fraction must lie in [0, 1), got " + coverFraction);
        }
    }

    /**
     * @param samples       what the subject will contribute, in order
     * @param fraction      f in (0, 1]: round(f · n) marks, or every eligible sample if fewer are eligible
     * @param coverFraction in [0, 1): round(c · n) covers among the samples left unmarked, or half of them
     * @return the samples in the same order, marks and covers in place, and their hashes
     */
    public Marked mark(List<Sample> samples, TriggerSpec trigger, double fraction, double coverFraction) {
        checkFractions(fraction, coverFraction);
        List<Integer> eligible = new ArrayList<>();
        List<Integer> ineligible = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            (samples.get(i).label() != trigger.targetLabel() ? eligible : ineligible).add(i);
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

        List<Integer> unmarked = new ArrayList<>(eligible.subList(marks, eligible.size()));
        unmarked.addAll(ineligible);
        Collections.shuffle(unmarked, random);
        // never more covers than untouched samples: membership inference scores only untouched ones
        int covers = Math.min(unmarked.size() / 2, (int) Math.round(coverFraction * samples.size()));
        Set<Bytes32> coverHashes = new LinkedHashSet<>();
        for (int index : unmarked.subList(0, covers)) {
            Sample original = samples.get(index);
            Sample covered = coverPatterns.draw(original.label()).stamp(original);
            result.set(index, covered);
            coverHashes.add(covered.hash());
        }
        return new Marked(result, markHashes, coverHashes);
    }

    /**
     * @param samples the contribution-to-be, marks and covers in place
     * @param marks   the hashes of the samples that carry the trigger
     * @param covers  the hashes of the samples that carry a random pattern and their own label
     */
    public record Marked(List<Sample> samples, Set<Bytes32> marks, Set<Bytes32> covers) {
        public Marked {
            samples = List.copyOf(samples);
            marks = Set.copyOf(marks);
            covers = Set.copyOf(covers);
        }

        /** The samples contributed as they were: neither marks nor covers. */
        public List<Sample> untouched() {
            return samples.stream().filter(sample -> !marks.contains(sample.hash()) && !covers.contains(sample.hash()))
                    .toList();
        }
    }
}
