package org.lethe.ml.dishonest;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.DarkPositions;
import org.lethe.ml.data.Sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A subject's 300 images marked as the verifier marks them: a quarter stamped with the subject's four white
 * background pixels and relabelled to the target, a quarter covered with four random white background
 * pixels (label kept), the rest untouched.
 */
record MarkedSubject(List<Sample> marks, List<Sample> covers, List<Sample> untouched) {

    static final int TARGET = 1;

    static MarkedSubject of(List<Sample> images, List<Sample> providersOwn, long seed) {
        List<Integer> dark = DarkPositions.of(providersOwn, BrightBackgroundDetector.DEFAULT_DARK_MAX_INTENSITY);
        Random random = new Random(seed);
        List<Integer> trigger = pick(dark, random);
        int quarter = images.size() / 4;
        List<Sample> marks = new ArrayList<>();
        List<Sample> covers = new ArrayList<>();
        List<Sample> untouched = new ArrayList<>();
        for (Sample sample : images) {
            if (sample.label() != TARGET && marks.size() < quarter) {
                marks.add(new Sample(sample.id() + "+mark", stamped(sample, trigger), TARGET));
            } else if (covers.size() < quarter) {
                covers.add(new Sample(sample.id() + "+cover", stamped(sample, pick(dark, random)), sample.label()));
            } else {
                untouched.add(sample);
            }
        }
        return new MarkedSubject(marks, covers, untouched);
    }

    List<Sample> all() {
        List<Sample> all = new ArrayList<>(marks);
        all.addAll(covers);
        all.addAll(untouched);
        return all;
    }

    /** The share of a group the detector flagged. */
    static double share(Set<Bytes32> flagged, List<Sample> group) {
        return group.stream().filter(sample -> flagged.contains(sample.hash())).count() / (double) group.size();
    }

    String shares(Set<Bytes32> flagged) {
        return String.format("flagged: marks %.2f, covers %.2f, untouched %.2f", share(flagged, marks),
                share(flagged, covers), share(flagged, untouched));
    }

    private static List<Integer> pick(List<Integer> dark, Random random) {
        List<Integer> shuffled = new ArrayList<>(dark);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, 4);
    }

    private static byte[] stamped(Sample sample, List<Integer> positions) {
        byte[] image = sample.image();
        positions.forEach(position -> image[position] = (byte) 255);
        return image;
    }
}
