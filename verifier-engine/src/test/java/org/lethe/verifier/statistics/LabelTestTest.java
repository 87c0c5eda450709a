package org.lethe.verifier.statistics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelTestTest {

    @Test
    void thresholdIsTheSmallestCountWhoseNullTailIsWithinAlpha() {
        LabelTest test = LabelTest.plan(20, 0.1, 0.9, 1e-3);

        // P(Bin(20, 0.1) > k) for k = 6, 7: 2.386e-3 and 4.156e-4 — so k* = 7
        assertEquals(7, test.threshold());
        assertEquals(4.156e-4, test.alpha(), 0.001e-4);
        // β = P(Bin(20, 0.9) ≤ 7) = 3.923e-9
        assertEquals(3.923e-9, test.beta(), 0.001e-9);
        assertFalse(test.rejectsDeletion(7));
        assertTrue(test.rejectsDeletion(8));
    }

    @Test
    void fewestProbesMeetBothErrorBoundsAndAWeakBackdoorNeedsMore() {
        LabelTest strong = LabelTest.smallest(0.1, 0.9, 1e-3, 1e-3, 200).orElseThrow();
        LabelTest weak = LabelTest.smallest(0.1, 0.4, 1e-3, 1e-3, 200).orElseThrow();

        assertTrue(strong.alpha() <= 1e-3 && strong.beta() <= 1e-3);
        assertTrue(LabelTest.plan(strong.probes() - 1, 0.1, 0.9, 1e-3).beta() > 1e-3, "one probe fewer is not enough");
        assertTrue(weak.probes() > 3 * strong.probes(), strong.probes() + " vs " + weak.probes());
        assertTrue(LabelTest.smallest(0.1, 0.12, 1e-3, 1e-3, 100).isEmpty(), "an indistinct backdoor is undecidable");
    }

    @Test
    void refusesImpossiblePlans() {
        assertThrows(IllegalArgumentException.class, () -> LabelTest.plan(20, 0.5, 0.4, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> LabelTest.plan(0, 0.1, 0.9, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> LabelTest.plan(20, 0.1, 0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> LabelTest.plan(20, 0.1, 0.9, 1e-3).rejectsDeletion(21));
    }
}
