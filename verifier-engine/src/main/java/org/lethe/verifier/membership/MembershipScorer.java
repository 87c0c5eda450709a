package org.lethe.verifier.membership;

import org.hipparchus.stat.StatUtils;
import org.lethe.ml.data.Sample;
import org.lethe.verifier.oracle.ModelOracle;

import java.util.List;

/**
 * Scores samples for membership from a model's class probabilities (Carlini et al., S&P 2022, offline
 * LiRA). The reference models never trained on any subject's sample, so each one's logit-scaled
 * true-class confidence is a draw of what a non-member gets: a Gaussian with a per-sample mean, and one
 * variance for all samples (the fixed-variance variant, sound with few reference models), fitted on the
 * verifier's own non-member images.
 */
public final class MembershipScorer {

    /** Probabilities are clipped into [floor, 1 − floor] before the logit: float softmax saturates. */
    private static final double CONFIDENCE_FLOOR = 1e-7;

    private final List<ModelOracle> referenceModels;
    private final double outSd;

    /**
     * @param nonMembers images none of the models trained on, to fit the variance
     */
    public MembershipScorer(List<ModelOracle> referenceModels, List<Sample> nonMembers) {
        if (referenceModels.size() < 2 || nonMembers.isEmpty()) {
            throw new IllegalArgumentException("LiRA needs ≥ 2 reference models and non-member images; got "
                    + referenceModels.size() + " and " + nonMembers.size());
        }
        this.referenceModels = List.copyOf(referenceModels);
        double[][] logits = referenceLogits(nonMembers);
        double pooledVariance = 0;
        for (double[] perModel : logits) {
            pooledVariance += StatUtils.variance(perModel) / logits.length;
        }
        this.outSd = Math.sqrt(pooledVariance);
    }

    /** Scores the samples, under their own labels, on {@code model} (one query per sample). */
    public MembershipScores score(ModelOracle model, List<Sample> samples) {
        float[][] rows = model.probabilities(samples);
        double[][] reference = referenceLogits(samples);
        double[] lira = new double[samples.size()];
        double[] loss = new double[samples.size()];
        int[] labels = new int[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            labels[i] = samples.get(i).label();
            double confidence = clip(rows[i][samples.get(i).label()]);
            lira[i] = (logit(confidence) - StatUtils.mean(reference[i])) / outSd;
            loss[i] = Math.log(confidence);
        }
        return new MembershipScores(lira, loss, labels);
    }

    /** Per sample, the logit confidence under each reference model. */
    private double[][] referenceLogits(List<Sample> samples) {
        double[][] logits = new double[samples.size()][referenceModels.size()];
        for (int m = 0; m < referenceModels.size(); m++) {
            float[][] rows = referenceModels.get(m).probabilities(samples);
            for (int i = 0; i < samples.size(); i++) {
                logits[i][m] = logit(clip(rows[i][samples.get(i).label()]));
            }
        }
        return logits;
    }

    private static double clip(double probability) {
        return Math.min(1 - CONFIDENCE_FLOOR, Math.max(CONFIDENCE_FLOOR, probability));
    }

    private static double logit(double probability) {
        return Math.log(probability) - Math.log1p(-probability);
    }
}
