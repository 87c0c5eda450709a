package org.lethe.verifier.statistics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinomialSprtTest {

    @Test
    void aRunOfTargetAnswersDecidesKeptAndARunOfOthersDecidesDeleted() {
        BinomialSprt kept = new BinomialSprt(0.1, 0.9, 1e-3, 1e-3);
        BinomialSprt deleted = new BinomialSprt(0.1, 0.9, 1e-3, 1e-3);

        SprtDecision decision = SprtDecision.CONTINUE;
        while (decision == SprtDecision.CONTINUE) {
            decision = kept.observe(true);
        }
        assertEquals(SprtDecision.KEPT, decision);
        // log((1-β)/α) / log(p/q) = 6.907 / 2.197: the fourth hit decides
        assertEquals(4, kept.probes());
        while (deleted.observe(false) == SprtDecision.CONTINUE) {
            // keep probing
        }
        assertEquals(4, deleted.probes());
    }

    /** Simulated with a fixed seed: the error rates stay within Wald's bounds, and the tests stay short. */
    @Test
    void errorRatesStayWithinWaldsBoundsOnSimulatedProbes() {
        double q = 0.15;
        double p = 0.5;
        double alpha = 0.05;
        double beta = 0.05;
        SplittableRandom random = new SplittableRandom(20261128);
        int runs = 20_000;
        int falseAlarms = 0;
        int misses = 0;
        long probesUnderNull = 0;
        for (int run = 0; run < runs; run++) {
            BinomialSprt underNull = run(new BinomialSprt(q, p, alpha, beta), q, random);
            falseAlarms += underNull.decision() == SprtDecision.KEPT ? 1 : 0;
            probesUnderNull += underNull.probes();
            BinomialSprt underAlternative = run(new BinomialSprt(q, p, alpha, beta), p, random);
            misses += underAlternative.decision() == SprtDecision.DELETED ? 1 : 0;
        }
        double falseAlarmRate = (double) falseAlarms / runs;
        double missRate = (double) misses / runs;

        assertTrue(falseAlarmRate <= alpha / (1 - beta), "false alarms " + falseAlarmRate);
        assertTrue(missRate <= beta / (1 - alpha), "misses " + missRate);
        assertTrue(falseAlarmRate > 0.01 && missRate > 0.01, "the bounds are not trivially met by a stuck test");
        assertTrue(probesUnderNull / (double) runs < 15, "mean probes under H0 " + probesUnderNull / (double) runs);
    }

    @Test
    void refusesImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> new BinomialSprt(0, 0.9, 1e-3, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new BinomialSprt(0.5, 0.4, 1e-3, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new BinomialSprt(0.1, 0.9, 1e-3, 1));
    }

    private static BinomialSprt run(BinomialSprt test, double rate, SplittableRandom random) {
        while (test.observe(random.nextDouble() < rate) == SprtDecision.CONTINUE) {
            // keep probing
        }
        return test;
    }
}
