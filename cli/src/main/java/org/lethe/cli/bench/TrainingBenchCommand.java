package org.lethe.cli.bench;

import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.NetworkTrainer;
import org.lethe.ml.network.Predictor;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.network.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code lethe bench training}: DJL training and inference speed and test accuracy on full Fashion-MNIST. */
@Command(name = "training", description = "Train on the 60,000 Fashion-MNIST images, then score the 10,000 test images.")
final class TrainingBenchCommand implements Callable<Integer> {

    /** The figures, named as {@code docs/benchmarks.md} reports them. */
    record Result(String model, int epochs, int batchSize, int threads, int trainSamples, double trainSamplesPerSecond,
                  double inferSamplesPerSecond, double testAccuracy) {
    }

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--model", defaultValue = "MLP", description = "MLP or CNN (default: ${DEFAULT-VALUE}).")
    Architecture architecture;

    @Option(names = "--epochs", defaultValue = "3", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and sample order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) {
            spec.commandLine().getErr().println("--epochs must be positive");
            return 2;
        }
        FashionMnist data = FashionMnist.installed();
        List<Sample> train = data.train();
        List<Sample> test = data.test();
        TrainingConfig config = TrainingConfig.defaults(epochs, seed);
        try (Network network = Network.create(architecture, seed)) {
            long start = System.nanoTime();
            NetworkTrainer.fit(network, train, config, TrainingProgress.NONE);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            Predictor.probabilities(network, test.subList(0, 1_000));
            start = System.nanoTime();
            float[][] probabilities = Predictor.probabilities(network, test);
            double inferSeconds = (System.nanoTime() - start) / 1e9;
            Result result = new Result(architecture.name(), epochs, config.batchSize(),
                    Integer.getInteger("ai.djl.pytorch.num_threads", 0), train.size(),
                    BenchOutput.oneDecimal(train.size() * (double) epochs / trainSeconds),
                    BenchOutput.oneDecimal(test.size() / inferSeconds),
                    BenchOutput.fourDecimals(Predictor.accuracy(probabilities, test)));
            BenchOutput.print(spec.commandLine().getOut(), result, json);
        }
        return 0;
    }
}
