package org.lethe.verifier.backdoor;

import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Predictor;
import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.trigger.TriggerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The paired score of a probe: log(P(target | image + subject's trigger) + ε) − log(P(target | image +
 * decoy) + ε). Log-probabilities, because an ensemble's one backdoored shard lifts a small target
 * probability many times over while barely moving it in absolute terms; smoothed by ε, because below it
 * the differences are an overconfident model's noise, not a backdoor. The reference models' mean score
 * for the same image and pair is subtracted: a trigger may pull towards its target on its own, without
 * any training.
 */
public final class PairedScorer {

    /**
     * ε. Measured on Fashion-MNIST (100 subjects, MLP): with 1e-9 the monolithic model's null spread was so
     * wide that 13–43 % of subjects could be calibrated; with 1e-3 all were, and S = 8 kept its 5 probes.
     */
    static final double SMOOTHING = 1e-3;

    private final List<ModelOracle> referenceModels;

    public PairedScorer(List<ModelOracle> referenceModels) {
        if (referenceModels.isEmpty()) {
            throw new IllegalArgumentException("the paired score needs reference models");
        }
        this.referenceModels = List.copyOf(referenceModels);
    }

    /** Scores the probes on {@code model}, in one query of 2n images. */
    public PairedScores score(ModelOracle model, TriggerSpec trigger, List<ProbePair> probes) {
        List<Sample> images = stampedImages(trigger, probes);
        Answers served = answers(model, images, trigger.targetLabel(), probes.size());
        double[] residuals = served.scores().clone();
        int referenceHits = 0;
        for (ModelOracle reference : referenceModels) {
            Answers expected = answers(reference, images, trigger.targetLabel(), probes.size());
            for (int i = 0; i < residuals.length; i++) {
                residuals[i] -= expected.scores()[i] / referenceModels.size();
            }
            referenceHits += expected.targetHits();
        }
        return new PairedScores(residuals, served.targetHits(), referenceHits, probes.size() * referenceModels.size());
    }

    private static List<Sample> stampedImages(TriggerSpec trigger, List<ProbePair> probes) {
        List<Sample> images = new ArrayList<>(probes.size() * 2);
        probes.forEach(probe -> images.add(trigger.stampKeepingLabel(probe.image())));
        probes.forEach(probe -> images.add(probe.decoy().stampKeepingLabel(probe.image())));
        return images;
    }

    private record Answers(double[] scores, int targetHits) {
    }

    private static Answers answers(ModelOracle model, List<Sample> images, int target, int probes) {
        float[][] rows = model.probabilities(images);
        if (rows.length != images.size()) {
            throw new IllegalStateException("the model answered " + rows.length + " rows for " + images.size() + " images");
        }
        double[] scores = new double[probes];
        int hits = 0;
        for (int i = 0; i < probes; i++) {
            scores[i] = logProbability(rows[i][target]) - logProbability(rows[probes + i][target]);
            hits += Predictor.argmax(rows[i]) == target ? 1 : 0;
        }
        return new Answers(scores, hits);
    }

    private static double logProbability(float probability) {
        return Math.log(probability + SMOOTHING);
    }
}
