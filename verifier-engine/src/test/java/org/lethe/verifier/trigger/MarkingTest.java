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
    private final TriggerRegion corners = new TriggerRegion(List.of(0, 1, 2, 27, 28, 755, 782, 783));
    private final Marking marking = new Marking(new SecureRandom(), new TriggerGenerator(new SecureRandom(), 2, corners));

    @Test
    void halfTheSamplesAreStampedAndRelabelledNeverOnesAlreadyOfTheTarget() {
        Marking.Marked marked = marking.mark(samples, trigger, 0.5, 0);

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
        assertTrue(marked.covers().isEmpty());
        assertEquals(75, marked.untouched().size());
    }

    @Test
    void coversCarryARandomPatternOfTheRegionAndKeepTheirLabel() {
        Marking.Marked marked = marking.mark(samples, trigger, 0.2, 0.3);

        assertEquals(30, marked.marks().size());
        assertEquals(45, marked.covers().size());
        assertEquals(75, marked.untouched().size());
        int changedPixels = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample original = samples.get(i);
            Sample result = marked.samples().get(i);
            if (!marked.covers().contains(result.hash())) {
                continue;
            }
            assertEquals(original.label(), result.label(), "a cover keeps its label");
            int changed = 0;
            for (int p = 0; p < Sample.PIXELS; p++) {
                if (result.image()[p] != original.image()[p]) {
                    assertTrue(corners.positions().contains(p), "a cover changes pixels of the region only");
                    assertEquals(255, result.image()[p] & 0xFF);
                    changed++;
                }
            }
            assertTrue(changed <= 2, "a pattern of the trigger's two pixels");
            changedPixels += changed;
        }
        assertTrue(changedPixels > 0);
        assertTrue(marked.untouched().stream().allMatch(samples::contains), "untouched samples are the originals");
    }

    @Test
    void fewerEligibleSamplesThanAskedAreAllMarked() {
        List<Sample> targetOnly = samples.stream().filter(s -> s.label() == 3).toList();
        List<Sample> mixed = new ArrayList<>(targetOnly);
        mixed.add(samples.stream().filter(s -> s.label() != 3).findFirst().orElseThrow());

        Marking.Marked marked = marking.mark(mixed, trigger, 1.0, 0);

        assertEquals(1, marked.marks().size());
        assertTrue(targetOnly.size() > 1);
    }

    @Test
    void coversNeverOutnumberTheUntouchedSamples() {
        Marking.Marked twoSamples = marking.mark(samples.stream().filter(s -> s.label() != 3).limit(2).toList(), trigger,
                0.5, 0.25);
        assertEquals(1, twoSamples.marks().size());
        assertEquals(0, twoSamples.covers().size());
        assertEquals(1, twoSamples.untouched().size());

        Marking.Marked many = marking.mark(samples, trigger, 0.5, 0.45);
        assertEquals(37, many.covers().size());
        assertEquals(38, many.untouched().size());
    }

    @Test
    void impossibleFractionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> marking.mark(samples, trigger, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> marking.mark(samples, trigger, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> marking.mark(samples, trigger, 0.5, -0.1));
        assertThrows(IllegalArgumentException.class, () -> marking.mark(samples, trigger, 0.5, 1));
    }
}
