package org.lethe.verifier.statistics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianSprtTest {

    @Test
    void eachObservationAddsTheNormalLogLikelihoodRatio() {
        GaussianSprt test = new GaussianSprt(0, 2, 1, 1e-3, 1e-3);
        test.observe(3);
        // log N(3; 2, 1) − log N(3; 0, 1) = (9 − 1) / 2
        assertEquals(4.0, test.logLikelihoodRatio(), 1e-12);
        assertEquals(SprtDecision.CONTINUE, test.decision());
        assertEquals(SprtDecision.KEPT, test.observe(3));
        assertEquals(2, test.observations());
        assertEquals(3.0, test.mean(), 1e-12);
    }

    @Test
    void errorRatesStayWithinWaldsBoundsAndShrinkWhenTheNullIsTighter() {
        double alpha = 0.02;
        double beta = 0.02;
        SplittableRandom random = new SplittableRandom(1128);
        int runs = 20_000;
        int falseAlarms = 0;
        int tightFalseAlarms = 0;
        int misses = 0;
        for (int run = 0; run < runs; run++) {
            falseAlarms += run(new GaussianSprt(0, 1, 1, alpha, beta), 0, 1, random) == SprtDecision.KEPT ? 1 : 0;
            tightFalseAlarms += run(new GaussianSprt(0, 1, 1, alpha, beta), 0, 0.4, random) == SprtDecision.KEPT ? 1 : 0;
            misses += run(new GaussianSprt(0, 1, 1, alpha, beta), 1, 1, random) == SprtDecision.DELETED ? 1 : 0;
        }
        assertTrue(falseAlarms <= runs * alpha / (1 - beta), "false alarms " + falseAlarms);
        assertTrue(misses <= runs * beta / (1 - alpha), "misses " + misses);
        assertTrue(falseAlarms > runs * 0.005, "the bound is not met by a stuck test: " + falseAlarms);
        assertTrue(tightFalseAlarms < falseAlarms / 10, "tight null " + tightFalseAlarms + " vs " + falseAlarms);
    }

    @Test
    void refusesImpossibleSettingsAndScores() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianSprt(1, 1, 1, 1e-3, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new GaussianSprt(0, 1, 0, 1e-3, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> new GaussianSprt(0, 1, 1, 0, 1e-3));
        GaussianSprt test = new GaussianSprt(0, 1, 1, 1e-3, 1e-3);
        assertThrows(IllegalArgumentException.class, () -> test.observe(Double.NaN));
        assertEquals(0, test.observations());
    }

    private static SprtDecision run(GaussianSprt test, double mean, double sigma, SplittableRandom random) {
        SprtDecision decision = SprtDecision.CONTINUE;
        while (decision == SprtDecision.CONTINUE) {
            decision = test.observe(mean + sigma * random.nextGaussian());
        }
        return decision;
    }
}
