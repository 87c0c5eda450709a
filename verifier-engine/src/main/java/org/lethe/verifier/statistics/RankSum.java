package org.lethe.verifier.statistics;

import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * The Wilcoxon–Mann–Whitney comparison of two groups of scores, one-sided: do the first group's scores
 * tend to exceed the second's? Ranks and the test come from Hipparchus; ties count half.
 *
 * @param auc    P(a score of the first group > one of the second), the area under the ROC curve
 * @param pValue one-sided p-value of "the first group is no higher than the second"
 */
public record RankSum(double auc, double pValue) {

    /**
     * @throws IllegalArgumentException when a group is empty or a score is not finite
     */
    public static RankSum compare(double[] first, double[] second) {
        if (first.length == 0 || second.length == 0) {
            throw new IllegalArgumentException("both groups need scores; got " + first.length + " and " + second.length);
        }
        double[] pooled = new double[first.length + second.length];
        System.arraycopy(first, 0, pooled, 0, first.length);
        System.arraycopy(second, 0, pooled, first.length, second.length);
        for (double score : pooled) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("scores must be finite, got " + score);
            }
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(pooled);
        double firstRankSum = 0;
        for (int i = 0; i < first.length; i++) {
            firstRankSum += ranks[i];
        }
        double pairs = (double) first.length * second.length;
        double auc = (firstRankSum - first.length * (first.length + 1) / 2.0) / pairs;
        double twoSided = new MannWhitneyUTest(NaNStrategy.FAILED, TiesStrategy.AVERAGE).mannWhitneyUTest(first, second);
        double pValue = auc >= 0.5 ? twoSided / 2 : 1 - twoSided / 2;
        return new RankSum(auc, pValue);
    }

    /**
     * The fraction of {@code positives} above the threshold that at most {@code falsePositiveRate} of the
     * {@code negatives} exceed: the ROC curve's true-positive rate at that false-positive rate.
     */
    public static double truePositiveRateAt(double falsePositiveRate, double[] positives, double[] negatives) {
        if (!(falsePositiveRate >= 0 && falsePositiveRate < 1) || positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("need a rate in [0, 1) and both groups; got " + falsePositiveRate + ", "
                    + positives.length + ", " + negatives.length);
        }
        double[] sorted = negatives.clone();
        java.util.Arrays.sort(sorted);
        int allowed = (int) Math.floor(falsePositiveRate * sorted.length);
        double threshold = sorted[sorted.length - 1 - allowed];
        long above = java.util.Arrays.stream(positives).filter(score -> score > threshold).count();
        return (double) above / positives.length;
    }
}
