package org.lethe.verifier.statistics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinomialBoundsTest {

    @Test
    void matchesPublishedClopperPearsonIntervals() {
        // 95 % interval for 5 of 10: [0.1871, 0.8129] (Clopper & Pearson 1934; any exact-binomial table)
        Interval half = BinomialBounds.clopperPearson(5, 10, 0.95);
        assertEquals(0.1871, half.lower(), 1e-4);
        assertEquals(0.8129, half.upper(), 1e-4);
        // 0 of 20: the upper end is 1 − 0.025^(1/20) = 0.1684
        Interval none = BinomialBounds.clopperPearson(0, 20, 0.95);
        assertEquals(0, none.lower());
        assertEquals(1 - Math.pow(0.025, 1.0 / 20), none.upper(), 1e-9);
        // n of n: the lower end is 0.025^(1/n)
        assertEquals(Math.pow(0.025, 1.0 / 15), BinomialBounds.clopperPearson(15, 15, 0.95).lower(), 1e-9);
    }

    @Test
    void refusesImpossibleCountsAndConfidences() {
        assertThrows(IllegalArgumentException.class, () -> BinomialBounds.clopperPearson(11, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> BinomialBounds.clopperPearson(1, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> BinomialBounds.clopperPearson(1, 10, 1.0));
    }
}
