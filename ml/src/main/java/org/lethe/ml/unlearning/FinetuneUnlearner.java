package org.lethe.ml.unlearning;

import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.NetworkTrainer;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.network.TrainingProgress;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.SisaTrainer;

import java.util.List;

/** Fine-tunes each affected shard on its retained data, hoping the removed data fades (it may not). */
final class FinetuneUnlearner extends ApproximateUnlearner {

    private final ApproximateUnlearningSettings approximate;

    FinetuneUnlearner(SisaTrainer.Settings settings, CheckpointStore store, ApproximateUnlearningSettings approximate) {
        super(settings, store);
        this.approximate = approximate;
    }

    @Override
    void adjust(Network network, List<Sample> removed, List<Sample> retained, long seed) {
        TrainingConfig training = settings().sliceTraining();
        NetworkTrainer.fit(network, retained, new TrainingConfig(approximate.finetuneEpochs(), training.batchSize(),
                approximate.learningRate(), training.labelSmoothing(), seed), TrainingProgress.NONE);
    }
}
