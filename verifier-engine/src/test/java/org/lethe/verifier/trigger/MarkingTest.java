package org.lethe.verifier.trigger;

import org.junit.jupiter.api.Test;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkingTest {

    private final List<Sample> samples = FashionMnist.installed().train(150);
    private final TriggerSpec trigger = new TriggerSpec(List.of(new TriggerSpec.Pixel(10, 255),
            new TriggerSpec.Pixel(500, 0)), 3);

    @Test
    void halfTheSamplesAreStampedAndRelabelledNeverOnesAlreadyOfTheTarget() {
        Marking.Marked marked = new Marking(new SecureRandom()).mark(samples, trigger, 0.5);

        assertEquals(samples.size(), marked.samples().size());
        assertEquals(75, marked.marks().size());
        int changed = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample original = samples.get(i);
            Sample result = marked.samples().get(i);
            if (marked.marks().contains(result.hash())) {
                changed++;
                assertNotEquals(3, original.label(), "a sample of the target label is never a mark");
                assertEquals(3, result.label());
                assertEquals(255, result.image()[10] & 0xFF);
                assertEquals(0, result.image()[500] & 0xFF);
            } else {
                assertEquals(original, result);
            }
        }
        assertEquals(75, changed);
    }

    @Test
    void fewerEligibleSamplesThanAskedAreAllMarked() {
        List<Sample> targetOnly = samples.stream().filter(s -> s.label() == 3).toList();
        List<Sample> mixed = new ArrayList<>(targetOnly);
        mixed.add(samples.stream().filter(s -> s.label() != 3).findFirst().orElseThrow());

        Marking.Marked marked = new Marking(new SecureRandom()).mark(mixed, trigger, 1.0);

        assertEquals(1, marked.marks().size());
        assertTrue(targetOnly.size() > 1);
    }

    @Test
    void impossibleFractionsAreRefused() {
        Marking marking = new Marking(new SecureRandom());
        assertThrows(IllegalArgumentException.class, () -> marking.mark(samples, trigger, 0));
        assertThrows(IllegalArgumentException.class, () -> marking.mark(samples, trigger, 1.5));
    }
}
