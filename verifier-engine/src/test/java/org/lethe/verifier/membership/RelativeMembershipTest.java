package org.lethe.verifier.membership;

import org.junit.jupiter.api.Test;
import org.lethe.ml.data.Sample;
import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.statistics.RankSum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RMIA's scores on models whose true-class probability per sample is set by the test: samples the target trained on
 * are surer there than on the reference models, and score above the population; samples it did not, do not.
 */
class RelativeMembershipTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(5);

    @Test
    void samplesTheTargetIsSurerOfThanItsReferencesScoreAboveThePopulation() {
        List<Sample> population = samples("z", 400);
        List<Sample> members = samples("in", 200);
        List<Sample> nonMembers = samples("out", 200);
        Map<String, Double> reference = new HashMap<>();
        for (Sample sample : concat(population, members, nonMembers)) {
            reference.put(sample.id(), 0.3 + 0.5 * RANDOM.nextDouble());
        }
        // the target agrees with the references on what it never saw, and is surer of what it trained on
        ModelOracle target = oracle(sample -> Math.min(0.99, reference.get(sample.id())
                * (sample.id().startsWith("in") ? 1.25 : 1.0)));
        RelativeMembership rmia = new RelativeMembership(List.of(oracle(sample -> reference.get(sample.id())),
                oracle(sample -> reference.get(sample.id()))), population, 1.0, 1.0);

        RelativeMembership.Scorer scorer = rmia.on(target);
        double[] memberScores = scorer.scores(members);
        double[] nonMemberScores = scorer.scores(nonMembers);

        for (double score : concat(memberScores, nonMemberScores)) {
            assertTrue(score >= 0 && score <= 1, "a share of the population: " + score);
        }
        RankSum separated = RankSum.compare(memberScores, nonMemberScores);
        assertTrue(separated.auc() > 0.9 && separated.pValue() < 1e-6, separated.toString());
        RankSum alike = RankSum.compare(nonMemberScores, scorer.scores(population.subList(0, 200)));
        assertTrue(alike.pValue() > 1e-3, "samples nobody trained on score like the population: " + alike);
    }

    @Test
    void aScoreIsTheShareOfThePopulationItsRatioBeatsByGamma() {
        List<Sample> population = samples("z", 4);
        Map<String, Double> probabilities = Map.of("z-0", 0.1, "z-1", 0.2, "z-2", 0.4, "z-3", 0.8, "x-0", 0.45);
        ModelOracle target = oracle(sample -> probabilities.get(sample.id()));
        ModelOracle reference = oracle(sample -> 0.5);
        List<Sample> x = samples("x", 1);

        // ratios against Pr(x) = 0.5: population 0.2, 0.4, 0.8, 1.6; x 0.9
        assertArrayEquals(new double[]{0.75}, new RelativeMembership(List.of(reference), population, 1.0, 1.0).on(target)
                .scores(x));
        assertArrayEquals(new double[]{0.5}, new RelativeMembership(List.of(reference), population, 1.0, 2.0).on(target)
                .scores(x));
        // a = 0: Pr(x) = (0.5 + 1) / 2 = 0.75 for every sample, so the ratios keep their order
        assertEquals(0.75, new RelativeMembership(List.of(reference), population, 0.0, 1.0).on(target).scores(x)[0]);
    }

    @Test
    void settingsNoAttackCouldUseAreRefused() {
        List<Sample> population = samples("z", 2);
        ModelOracle reference = oracle(sample -> 0.5);
        assertThrows(IllegalArgumentException.class, () -> new RelativeMembership(List.of(), population, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new RelativeMembership(List.of(reference), population, 1.5, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new RelativeMembership(List.of(reference), population, 1.0, 0.5));
    }

    /** Samples named {@code prefix-i}, all of class 0 with a blank image: the oracles look only at the name. */
    private static List<Sample> samples(String prefix, int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(prefix + "-" + i, new byte[Sample.PIXELS], 0));
        }
        return samples;
    }

    /** A model whose class-0 probability for each sample is given, the rest spread evenly. */
    private static ModelOracle oracle(ToDoubleFunction<Sample> trueClass) {
        return images -> {
            float[][] rows = new float[images.size()][Sample.CLASSES];
            for (int i = 0; i < images.size(); i++) {
                float p = (float) trueClass.applyAsDouble(images.get(i));
                Arrays.fill(rows[i], (1 - p) / (Sample.CLASSES - 1));
                rows[i][0] = p;
            }
            return rows;
        };
    }

    @SafeVarargs
    private static List<Sample> concat(List<Sample>... lists) {
        List<Sample> all = new ArrayList<>();
        for (List<Sample> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static double[] concat(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
