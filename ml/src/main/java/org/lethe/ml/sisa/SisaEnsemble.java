package org.lethe.ml.sisa;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.Predictor;

import java.util.ArrayList;
import java.util.List;

/**
 * The served model: the S shards' final checkpoints (each hash-checked on load), answering with the
 * mean of their softmax outputs.
 */
public final class SisaEnsemble implements AutoCloseable {

    private final List<Network> shards;

    private SisaEnsemble(List<Network> shards) {
        this.shards = shards;
    }

    public static SisaEnsemble load(SisaModel model, CheckpointStore store) {
        return load(model.architecture(), model.shards().stream().map(ShardState::finalCheckpoint).toList(), store);
    }

    /** The ensemble of the shards' final checkpoints, in shard order, each checked against its hash. */
    public static SisaEnsemble load(Architecture architecture, List<Bytes32> finalCheckpoints, CheckpointStore store) {
        List<Network> shards = new ArrayList<>();
        try {
            for (Bytes32 checkpoint : finalCheckpoints) {
                shards.add(store.get(architecture, checkpoint));
            }
        } catch (RuntimeException e) {
            shards.forEach(Network::close);
            throw e;
        }
        return new SisaEnsemble(shards);
    }

    /** Mean of the shards' class probabilities, one row of 10 per sample. */
    public float[][] probabilities(List<Sample> samples) {
        float[][] mean = new float[samples.size()][Sample.CLASSES];
        for (Network shard : shards) {
            float[][] rows = Predictor.probabilities(shard, samples);
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < Sample.CLASSES; c++) {
                    mean[i][c] += rows[i][c] / shards.size();
                }
            }
        }
        return mean;
    }

    public double accuracy(List<Sample> samples) {
        return Predictor.accuracy(probabilities(samples), samples);
    }

    @Override
    public void close() {
        shards.forEach(Network::close);
    }
}
