package org.lethe.ml.network;

/**
 * How a network is trained.
 *
 * @param epochs       passes over the training samples
 * @param batchSize    samples per optimizer step
 * @param learningRate Adam's learning rate at the first step (annealed by {@link NetworkTrainer})
 * @param seed         seeds the sample order (weights are seeded when the network is created)
 */
public record TrainingConfig(int epochs, int batchSize, float learningRate, long seed) {

    public TrainingConfig {
        if (epochs < 0 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("need epochs ≥ 0, batchSize ≥ 1, learningRate > 0; got " + epochs + ", "
                    + batchSize + ", " + learningRate);
        }
    }

    /** Adam at 1e-3 in batches of 128: the measured default for Fashion-MNIST. */
    public static TrainingConfig defaults(int epochs, long seed) {
        return new TrainingConfig(epochs, 128, 1e-3f, seed);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(epochs, batchSize, learningRate, newSeed);
    }
}
