package org.lethe.verifier.membership;

import org.junit.jupiter.api.Test;
import org.lethe.verifier.statistics.RankSum;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MembershipTest} and the class matching of {@link MembershipScores} it relies on. */
class MembershipComparisonTest {

    private static final double ALPHA = 1e-3;

    @Test
    void matchingKeepsTheMixOfClassesAtTheLargestCommonRatioInOrder() {
        // mix: two of class 0, one of class 1; held: three of class 0, four of class 1 → ratio 1.5: 3 and 1
        MembershipScores held = scores(new double[]{0, 1, 2, 3, 4, 5, 6}, new int[]{1, 0, 1, 0, 1, 0, 1});

        MembershipScores matched = held.matchedTo(new int[]{0, 1, 0});

        assertArrayEquals(new int[]{1, 0, 0, 0}, matched.labels());
        assertArrayEquals(new double[]{0, 1, 3, 5}, matched.lira());
        assertArrayEquals(new double[]{100, 101, 103, 105}, matched.loss());
    }

    @Test
    void matchingRefusesAClassWithNoKnownNonMember() {
        MembershipScores held = scores(new double[]{1, 2}, new int[]{0, 0});

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> held.matchedTo(new int[]{0, 3}));
        assertTrue(refused.getMessage().contains("class 3"), refused.getMessage());
    }

    @Test
    void scoresLabelsAndLossesMustPair() {
        assertThrows(IllegalArgumentException.class, () -> new MembershipScores(new double[2], new double[2], new int[1]));
    }

    /**
     * Class 1 scores two standard deviations higher for members and non-members alike; the subject holds
     * three times its share, as a subject whose target class stayed untouched holds twice its share.
     * Against non-members of every class that looks like membership; against class-matched ones, the
     * test keeps its level.
     */
    @Test
    void aSubjectRichInAHighScoringClassIsNotCalledAMember() {
        SplittableRandom random = new SplittableRandom(11);
        int runs = 1_000;
        int pooledAlarms = 0;
        int alarms = 0;
        for (int run = 0; run < runs; run++) {
            MembershipScores subject = mixed(random, 150, 0.3, 0);
            MembershipScores nonMembers = mixed(random, 1_000, 0.1, 0);
            pooledAlarms += RankSum.compare(subject.lira(), nonMembers.lira()).pValue() < ALPHA / 2 ? 1 : 0;
            alarms += MembershipTest.compare(subject, nonMembers, ALPHA).membershipShown() ? 1 : 0;
        }
        assertTrue(pooledAlarms > runs / 2, "alarms against every class " + pooledAlarms);
        assertTrue(alarms <= 3, "alarms against class-matched non-members " + alarms + " of " + runs);
    }

    @Test
    void membersScoringHigherWithinTheirClassesAreFound() {
        SplittableRandom random = new SplittableRandom(17);

        MembershipResult result = MembershipTest.compare(mixed(random, 150, 0.3, 0.6), mixed(random, 1_000, 0.1, 0), ALPHA);

        assertTrue(result.membershipShown(), "p " + result.pValue());
        assertTrue(result.liraAuc() > 0.6, "auc " + result.liraAuc());
        assertEquals(150, result.samples());
    }

    private static MembershipScores scores(double[] lira, int[] labels) {
        return new MembershipScores(lira, IntStream.range(0, lira.length).mapToDouble(i -> lira[i] + 100).toArray(), labels);
    }

    /** Scores of classes 0 and 1 (share {@code highShare}), class 1 two standard deviations up, all lifted by {@code lift}. */
    private static MembershipScores mixed(SplittableRandom random, int size, double highShare, double lift) {
        double[] lira = new double[size];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextDouble() < highShare ? 1 : 0;
            lira[i] = random.nextGaussian() + 2 * labels[i] + lift;
        }
        return new MembershipScores(lira, lira.clone(), labels);
    }
}
