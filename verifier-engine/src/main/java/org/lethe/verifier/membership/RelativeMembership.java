package org.lethe.verifier.membership;

import org.lethe.ml.data.Sample;
import org.lethe.verifier.oracle.ModelOracle;

import java.util.Arrays;
import java.util.List;

/**
 * RMIA (Zarifzadeh et al., "Low-Cost High-Power Membership Inference Attacks", ICML 2024), offline: a sample x is
 * scored by how often its likelihood ratio Pr(x|θ) / Pr(x) beats, by a factor γ, the same ratio of population
 * samples z that no model trained on. Pr(x) comes from the reference models, which never trained on x:
 * ½((1 + a)·Pr_OUT(x) + (1 − a)) stands in for the mean over models with and without x. Pr(·|θ) is the true
 * class's probability.
 */
public final class RelativeMembership {

    private final List<ModelOracle> referenceModels;
    private final List<Sample> population;
    private final double[] populationPriors;
    private final double offlineA;
    private final double gamma;

    /**
     * @param population images no model was trained on, the z of every comparison
     * @param offlineA   a in [0, 1]: 1 takes the reference models' mean as Pr(x)
     * @param gamma      γ ≥ 1: how much more likely under θ x must be than z to count
     */
    public RelativeMembership(List<ModelOracle> referenceModels, List<Sample> population, double offlineA, double gamma) {
        if (referenceModels.isEmpty() || population.isEmpty() || !(offlineA >= 0 && offlineA <= 1) || !(gamma >= 1)) {
            throw new IllegalArgumentException("RMIA needs reference models, a population, a in [0, 1] and γ ≥ 1; got "
                    + referenceModels.size() + ", " + population.size() + ", " + offlineA + ", " + gamma);
        }
        this.referenceModels = List.copyOf(referenceModels);
        this.population = List.copyOf(population);
        this.offlineA = offlineA;
        this.gamma = gamma;
        this.populationPriors = priors(population);
    }

    /** The population's ratios on one target model, against which any samples are then scored. */
    public Scorer on(ModelOracle target) {
        double[] ratios = ratios(target, population, populationPriors);
        Arrays.sort(ratios);
        return new Scorer(target, ratios);
    }

    /** Scores samples on the target the population was measured on. */
    public final class Scorer {
        private final ModelOracle target;
        private final double[] sortedPopulationRatios;

        private Scorer(ModelOracle target, double[] sortedPopulationRatios) {
            this.target = target;
            this.sortedPopulationRatios = sortedPopulationRatios;
        }

        /** Per sample, the share of population samples z with LR(x, z) = ratio(x) / ratio(z) > γ. */
        public double[] scores(List<Sample> samples) {
            double[] ratios = ratios(target, samples, priors(samples));
            double[] scores = new double[samples.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (double) below(ratios[i] / gamma) / sortedPopulationRatios.length;
            }
            return scores;
        }

        /** How many population ratios lie strictly below the bound. */
        private int below(double bound) {
            int at = Arrays.binarySearch(sortedPopulationRatios, bound);
            if (at < 0) {
                return -at - 1;
            }
            while (at > 0 && sortedPopulationRatios[at - 1] == bound) {
                at--;
            }
            return at;
        }
    }

    /** Pr(x) per sample: the reference models' mean true-class probability, scaled as the offline attack does. */
    private double[] priors(List<Sample> samples) {
        double[] mean = new double[samples.size()];
        for (ModelOracle reference : referenceModels) {
            float[][] rows = reference.probabilities(samples);
            for (int i = 0; i < samples.size(); i++) {
                mean[i] += rows[i][samples.get(i).label()] / referenceModels.size();
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] = 0.5 * ((1 + offlineA) * mean[i] + (1 - offlineA));
        }
        return mean;
    }

    private static double[] ratios(ModelOracle target, List<Sample> samples, double[] priors) {
        float[][] rows = target.probabilities(samples);
        double[] ratios = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            ratios[i] = rows[i][samples.get(i).label()] / Math.max(priors[i], Double.MIN_NORMAL);
        }
        return ratios;
    }
}
