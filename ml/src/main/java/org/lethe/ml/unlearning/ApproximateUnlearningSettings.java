package org.lethe.ml.unlearning;

/**
 * Settings of the approximate methods.
 *
 * @param finetuneEpochs passes over an affected shard's retained data
 * @param ascentEpochs   passes over the removed samples in gradient ascent
 * @param retainWeight   weight of the retained-data loss against the ascent on removed data
 * @param learningRate   Adam's learning rate for both
 */
public record ApproximateUnlearningSettings(int finetuneEpochs, int ascentEpochs, double retainWeight, float learningRate) {

    /** One fine-tuning epoch; five ascent epochs at a tenth of the training rate, retain loss weighted 1. */
    public static ApproximateUnlearningSettings defaults() {
        return new ApproximateUnlearningSettings(1, 5, 1.0, 1e-4f);
    }
}
