package org.lethe.ml.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.metric.Metrics;
import org.lethe.ml.data.Sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link Network} with Adam, its learning rate annealed along a cosine to 1 % over the last
 * epoch, in a loop that scopes every batch's tensors to its own {@link NDManager} (without it memory
 * grows by hundreds of MB per pass). The sample order comes from the config's seed, so a run is
 * repeatable given the same thread count.
 */
public final class NetworkTrainer {

    /** The loss of one batch, built from the network's forward pass. */
    @FunctionalInterface
    interface BatchObjective {
        NDArray loss(Trainer trainer, NDManager batchManager, int batchIndex, List<Sample> batch);
    }

    /**
     * Where the last epoch's cosine ends, as a share of the rate. At a constant rate the last steps leave
     * test accuracy up to a point up or down from seed to seed; annealed, the spread is a few tenths and the
     * mean higher (docs/benchmarks.md). Only the last epoch, so that SISA's small shards still learn enough.
     */
    private static final float FINAL_RATE_SHARE = 0.01f;

    private NetworkTrainer() {
    }

    /** Minimises the mean cross-entropy of the samples against their labels, smoothed as configured. */
    public static void fit(Network network, List<Sample> samples, TrainingConfig config, TrainingProgress progress) {
        run(network, samples, config, progress, (trainer, manager, index, batch) ->
                SampleTensors.smoothedLoss(forward(trainer, manager, network.architecture(), batch),
                        SampleTensors.labels(manager, batch), config.labelSmoothing()).mean());
    }

    /**
     * Gradient ascent on the forgotten samples with a retain term: each step maximises their cross-entropy
     * while minimising the loss {@link #fit} minimises on a batch of retained samples, weighted by
     * {@code retainWeight}.
     */
    public static void ascend(Network network, List<Sample> forget, List<Sample> retain, double retainWeight,
                              TrainingConfig config, TrainingProgress progress) {
        Random draw = new Random(config.seed());
        run(network, forget, config, progress, (trainer, manager, index, batch) -> {
            List<Sample> retained = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size() && !retain.isEmpty(); i++) {
                retained.add(retain.get(draw.nextInt(retain.size())));
            }
            NDArray forgetLoss = SampleTensors.perSampleLoss(forward(trainer, manager, network.architecture(), batch),
                    SampleTensors.labels(manager, batch)).mean();
            if (retained.isEmpty()) {
                return forgetLoss.neg();
            }
            NDArray retainLoss = SampleTensors.smoothedLoss(forward(trainer, manager, network.architecture(), retained),
                    SampleTensors.labels(manager, retained), config.labelSmoothing()).mean();
            // the weight lives in the batch's manager until after the step: a mul(float) scalar is freed at once,
            // before the backward pass reads it
            return retainLoss.mul(manager.create((float) retainWeight)).sub(forgetLoss);
        });
    }

    private static void run(Network network, List<Sample> samples, TrainingConfig config, TrainingProgress progress,
                            BatchObjective objective) {
        if (samples.isEmpty() || config.epochs() == 0) {
            return;
        }
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(annealed(config, samples.size())).build())
                .addTrainingListeners(progress);
        try (Trainer trainer = network.model().newTrainer(djlConfig)) {
            trainer.setMetrics(new Metrics());
            trainer.initialize(network.architecture().initializationShape());
            List<Sample> order = new ArrayList<>(samples);
            Random shuffle = new Random(config.seed());
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                Collections.shuffle(order, shuffle);
                double lossSum = 0;
                int batches = 0;
                for (int start = 0; start < order.size(); start += config.batchSize()) {
                    List<Sample> batch = order.subList(start, Math.min(order.size(), start + config.batchSize()));
                    try (NDManager batchManager = trainer.getManager().newSubManager()) {
                        try (GradientCollector gradients = trainer.newGradientCollector()) {
                            NDArray loss = objective.loss(trainer, batchManager, batches, batch);
                            lossSum += loss.getFloat();
                            gradients.backward(loss);
                        }
                        trainer.step();
                    }
                    batches++;
                }
                trainer.getMetrics().addMetric(TrainingProgress.EPOCH_LOSS, lossSum / batches);
                trainer.notifyListeners(listener -> listener.onEpoch(trainer));
            }
        }
    }

    /** The rate for each of the run's optimizer steps: the configured rate, then down to 1 % of it in the last epoch. */
    private static Tracker annealed(TrainingConfig config, int samples) {
        int stepsPerEpoch = (samples + config.batchSize() - 1) / config.batchSize();
        int constantSteps = (config.epochs() - 1) * stepsPerEpoch;
        Tracker lastEpoch = CosineTracker.builder().setBaseValue(config.learningRate())
                .optFinalValue(config.learningRate() * FINAL_RATE_SHARE).setMaxUpdates(stepsPerEpoch).build();
        return step -> step < constantSteps ? config.learningRate() : lastEpoch.getNewValue(step - constantSteps);
    }

    private static NDArray forward(Trainer trainer, NDManager manager, Architecture architecture, List<Sample> batch) {
        NDArray images = SampleTensors.images(manager, architecture, batch);
        return trainer.forward(new NDList(images)).singletonOrThrow();
    }
}
