package org.lethe.verifier.statistics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruncatedBinomialSprtTest {

    /** Every sequence of {@code maxProbes} hits and misses, weighed at {@code rate}, run through the design. */
    private record Enumerated(double kept, double deleted, double undecided, double expectedProbes) {

        static Enumerated of(TruncatedBinomialSprt test, double rate) {
            int maxProbes = test.maxProbes();
            double kept = 0;
            double deleted = 0;
            double undecided = 0;
            double expectedProbes = 0;
            for (int path = 0; path < 1 << maxProbes; path++) {
                double probability = 1;
                int hits = 0;
                int probes = 0;
                SprtDecision decision = SprtDecision.CONTINUE;
                while (decision == SprtDecision.CONTINUE && probes < maxProbes) {
                    boolean hit = (path >> probes & 1) == 1;
                    probability *= hit ? rate : 1 - rate;
                    hits += hit ? 1 : 0;
                    probes++;
                    decision = test.decide(probes, hits);
                }
                // the bits after a stop are never read: count each stopped prefix once
                if ((path >> probes) == 0) {
                    kept += decision == SprtDecision.KEPT ? probability : 0;
                    deleted += decision == SprtDecision.DELETED ? probability : 0;
                    undecided += decision == SprtDecision.CONTINUE ? probability : 0;
                    expectedProbes += probes * probability;
                }
            }
            return new Enumerated(kept, deleted, undecided, expectedProbes);
        }
    }

    private static void assertExact(TruncatedBinomialSprt test, double q, double p) {
        Enumerated atQ = Enumerated.of(test, q);
        Enumerated atP = Enumerated.of(test, p);
        assertEquals(atQ.kept(), test.falseAlarm(), 1e-12);
        assertEquals(atP.deleted(), test.miss(), 1e-12);
        assertEquals(atQ.undecided(), test.undecidedDeleted(), 1e-12);
        assertEquals(atP.undecided(), test.undecidedKept(), 1e-12);
        assertEquals(atQ.expectedProbes(), test.expectedProbesDeleted(), 1e-9);
        assertEquals(atP.expectedProbes(), test.expectedProbesKept(), 1e-9);
    }

    @Test
    void aRunOfHitsDecidesKeptAndARunOfMissesDeletedWithinAFewProbes() {
        TruncatedBinomialSprt test = TruncatedBinomialSprt.design(0.1, 0.9, 1e-3, 1e-3, 30);

        int probes = 1;
        while (test.decide(probes, probes) == SprtDecision.CONTINUE) {
            probes++;
        }
        assertEquals(SprtDecision.KEPT, test.decide(probes, probes));
        assertTrue(probes <= 4, "hits in a row needed: " + probes);
        probes = 1;
        while (test.decide(probes, 0) == SprtDecision.CONTINUE) {
            probes++;
        }
        assertEquals(SprtDecision.DELETED, test.decide(probes, 0));
        assertTrue(probes <= 4, "misses in a row needed: " + probes);
        assertEquals(0, test.undecided(), "30 probes always decide here: " + test);
    }

    @Test
    void theExactRatesAreThoseOfEveryPathAndEveryPathEndsDecidedWhenTheProbesSuffice() {
        TruncatedBinomialSprt test = TruncatedBinomialSprt.design(0.1, 0.6, 0.01, 0.02, 14);

        assertExact(test, 0.1, 0.6);
        assertTrue(test.falseAlarm() <= 0.01 && test.miss() <= 0.02, test.toString());
        assertEquals(0, test.undecided(), test.toString());
        for (int hits = 0; hits <= 14; hits++) {
            assertNotEquals(SprtDecision.CONTINUE, test.decide(14, hits));
        }
    }

    @Test
    void tooFewProbesLeaveAGapOfUndecidedCountsRatherThanErrorsBeyondAlphaAndBeta() {
        TruncatedBinomialSprt test = TruncatedBinomialSprt.design(0.1, 0.5, 0.01, 0.02, 14);

        assertExact(test, 0.1, 0.5);
        assertTrue(test.falseAlarm() <= 0.01 && test.miss() <= 0.02, test.toString());
        assertTrue(test.undecided() > 0, test.toString());
        assertEquals(SprtDecision.CONTINUE, test.decide(14, test.deletedUpTo().get(13) + 1));
    }

    @Test
    void theRatesAtQAndPBoundThoseAtEveryRateBeyondThem() {
        TruncatedBinomialSprt test = TruncatedBinomialSprt.design(0.1, 0.5, 0.01, 0.02, 14);

        for (double below : new double[]{0.01, 0.05, 0.09}) {
            assertTrue(Enumerated.of(test, below).kept() <= test.falseAlarm(), "false alarms at " + below);
        }
        for (double above : new double[]{0.55, 0.7, 0.95}) {
            assertTrue(Enumerated.of(test, above).deleted() <= test.miss(), "misses at " + above);
        }
    }

    @Test
    void stoppingEarlyNeedsFewerProbesThanTheFixedSampleTestItReplaces() {
        LabelTest fixed = LabelTest.plan(30, 0.02, 0.45, 5e-4);
        assertTrue(fixed.beta() <= 1e-3, "the fixed-n test with all 30 probes meets β: " + fixed);

        TruncatedBinomialSprt test = TruncatedBinomialSprt.design(0.02, 0.45, 5e-4, 1e-3, 30);
        assertTrue(test.falseAlarm() <= 5e-4 && test.miss() <= 1e-3, test.toString());
        assertEquals(0, test.undecided(), test.toString());
        assertTrue(test.expectedProbes() < 15, "expected probes " + test.expectedProbes());
    }

    @Test
    void aWeakBackdoorIsReportedAsOftenUndecidedNotDecidedWithErrorsBeyondAlphaAndBeta() {
        TruncatedBinomialSprt test = TruncatedBinomialSprt.design(0.1, 0.2, 1e-3, 1e-3, 30);

        assertTrue(test.falseAlarm() <= 1e-3 && test.miss() <= 1e-3, test.toString());
        assertTrue(test.undecided() > 0.05, test.toString());
        assertTrue(test.undecidedKept() > 0.5, "at p most runs of 30 stay between the boundaries: " + test);
    }

    @Test
    void refusesImpossibleSettingsAndCountsOutsideTheTest() {
        assertThrows(IllegalArgumentException.class, () -> TruncatedBinomialSprt.design(0.5, 0.4, 1e-3, 1e-3, 30));
        assertThrows(IllegalArgumentException.class, () -> TruncatedBinomialSprt.design(0, 0.9, 1e-3, 1e-3, 30));
        assertThrows(IllegalArgumentException.class, () -> TruncatedBinomialSprt.design(0.1, 1, 1e-3, 1e-3, 30));
        assertThrows(IllegalArgumentException.class, () -> TruncatedBinomialSprt.design(0.1, 0.9, 1e-3, 1, 30));
        assertThrows(IllegalArgumentException.class, () -> TruncatedBinomialSprt.design(0.1, 0.9, 1e-3, 1e-3, 0));

        TruncatedBinomialSprt test = TruncatedBinomialSprt.design(0.1, 0.9, 1e-3, 1e-3, 30);
        assertThrows(IllegalArgumentException.class, () -> test.decide(0, 0));
        assertThrows(IllegalArgumentException.class, () -> test.decide(31, 0));
        assertThrows(IllegalArgumentException.class, () -> test.decide(3, 4));
        assertThrows(IllegalArgumentException.class, () -> test.decide(3, -1));
    }
}
