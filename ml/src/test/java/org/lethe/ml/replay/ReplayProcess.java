package org.lethe.ml.replay;

import org.lethe.ml.TestData;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;

import java.nio.file.Path;
import java.util.List;

/**
 * The training a replay redoes, run as its own program so that another JVM, in another environment, can run it:
 * a 2-shard, 2-slice MLP on 2,000 Fashion-MNIST images, its checkpoints in the directory given as the only
 * argument; prints the weights hash.
 */
public final class ReplayProcess {

    private ReplayProcess() {
    }

    static SisaModel train(Path directory) {
        List<OwnedSample> arrivals = TestData.train().subList(0, 2_000).stream().map(OwnedSample::providers).toList();
        return new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP, new SisaLayout(2, 2),
                TrainingConfig.defaults(1, 23)), new CheckpointStore(directory)).train(arrivals, SisaProgress.NONE);
    }

    public static void main(String... args) {
        System.out.println("weights " + train(Path.of(args[0])).weightsHash().toHex());
    }
}
