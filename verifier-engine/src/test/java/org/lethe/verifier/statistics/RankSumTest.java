package org.lethe.verifier.statistics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankSumTest {

    @Test
    void aucCountsThePairsTheFirstGroupWinsWithTiesAsHalves() {
        // pairs (first, second): 3>1, 3>2, 3=3 (½), 2>1, 2=2 (½), 2<3 → 4 of 6
        RankSum result = RankSum.compare(new double[]{3, 2}, new double[]{1, 2, 3});
        assertEquals(4.0 / 6, result.auc(), 1e-12);
    }

    @Test
    void separatedGroupsGiveASmallOneSidedPValueAndTheReverseALargeOne() {
        SplittableRandom random = new SplittableRandom(5);
        double[] high = new double[60];
        double[] low = new double[200];
        for (int i = 0; i < high.length; i++) {
            high[i] = random.nextGaussian() + 1.5;
        }
        for (int i = 0; i < low.length; i++) {
            low[i] = random.nextGaussian();
        }
        RankSum forward = RankSum.compare(high, low);
        RankSum backward = RankSum.compare(low, high);

        assertTrue(forward.auc() > 0.8, "auc " + forward.auc());
        assertTrue(forward.pValue() < 1e-10, "p " + forward.pValue());
        assertEquals(1 - forward.auc(), backward.auc(), 1e-12);
        assertTrue(backward.pValue() > 0.99, "p " + backward.pValue());
    }

    @Test
    void sameDistributionGivesUniformPValues() {
        SplittableRandom random = new SplittableRandom(9);
        int rejections = 0;
        int runs = 2_000;
        for (int run = 0; run < runs; run++) {
            double[] a = random.doubles(40).toArray();
            double[] b = random.doubles(100).toArray();
            rejections += RankSum.compare(a, b).pValue() < 0.05 ? 1 : 0;
        }
        double rate = (double) rejections / runs;
        assertTrue(rate > 0.03 && rate < 0.07, "rejection rate at 5 % was " + rate);
    }

    @Test
    void truePositiveRateAtOnePercentUsesTheNegativesTopPercentile() {
        double[] negatives = new double[100];
        for (int i = 0; i < negatives.length; i++) {
            negatives[i] = i; // one negative (99) may lie above the threshold 98
        }
        double[] positives = {98.5, 99.5, 50, 120};
        assertEquals(0.75, RankSum.truePositiveRateAt(0.01, positives, negatives), 1e-12);
        assertEquals(0.5, RankSum.truePositiveRateAt(0.0, positives, negatives), 1e-12);
    }

    @Test
    void refusesEmptyGroupsAndNonFiniteScores() {
        assertThrows(IllegalArgumentException.class, () -> RankSum.compare(new double[0], new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> RankSum.compare(new double[]{Double.NaN}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> RankSum.truePositiveRateAt(1, new double[]{1}, new double[]{1}));
    }
}
