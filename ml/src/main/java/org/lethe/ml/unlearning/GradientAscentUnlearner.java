package org.lethe.ml.unlearning;

import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.NetworkTrainer;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.network.TrainingProgress;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.SisaTrainer;

import java.util.List;

/** Ascends the loss of the removed samples while a retain term holds the rest of the shard's accuracy. */
final class GradientAscentUnlearner extends ApproximateUnlearner {

    private final ApproximateUnlearningSettings approximate;

    GradientAscentUnlearner(SisaTrainer.Settings settings, CheckpointStore store,
                            ApproximateUnlearningSettings approximate) {
        super(settings, store);
        this.approximate = approximate;
    }

    @Override
    void adjust(Network network, List<Sample> removed, List<Sample> retained, long seed) {
        TrainingConfig training = settings().sliceTraining();
        NetworkTrainer.ascend(network, removed, retained, approximate.retainWeight(), new TrainingConfig(
                approximate.ascentEpochs(), training.batchSize(), approximate.learningRate(), training.labelSmoothing(),
                seed), TrainingProgress.NONE);
    }
}
