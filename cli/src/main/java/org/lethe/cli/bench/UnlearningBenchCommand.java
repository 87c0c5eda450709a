package org.lethe.cli.bench;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.ml.unlearning.ApproximateUnlearningSettings;
import org.lethe.ml.unlearning.Unlearner;
import org.lethe.ml.unlearning.UnlearningMethod;
import org.lethe.service.process.ScratchDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code lethe bench unlearning}: what SISA buys. A monolithic model and an S×R SISA ensemble are
 * trained on full Fashion-MNIST with one subject's contribution arriving part-way through; the subject
 * is then deleted by full retraining and by SISA, each timed, and the accuracies compared.
 */
@Command(name = "unlearning", description = "SISA deletion against full retraining on Fashion-MNIST: time and accuracy.")
final class UnlearningBenchCommand implements Callable<Integer> {

    /** The figures, named as {@code docs/benchmarks.md} reports them. */
    record Result(String model, int shards, int slices, int epochsPerSlice, int monolithicEpochs, int subjectSamples,
                  int deletedSlice, int repeats, double monolithicTrainSeconds, double sisaTrainSeconds, double fullRetrainSeconds,
                  double sisaDeletionSeconds, double speedup, double accuracyMonolithic, double accuracySisa,
                  double accuracyAfterDeletion) {
    }

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--shards", defaultValue = "8", description = "S (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--slices", defaultValue = "4", description = "R (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--epochs-per-slice", defaultValue = "3",
            description = "Epochs of each slice step over slices 0..r (default: ${DEFAULT-VALUE}).")
    int epochsPerSlice;

    @Option(names = "--monolithic-epochs", defaultValue = "3",
            description = "Epochs of the monolithic model (default: ${DEFAULT-VALUE}).")
    int monolithicEpochs;

    @Option(names = "--subject-samples", defaultValue = "150", description = "The deleted subject's samples (default: ${DEFAULT-VALUE}).")
    int subjectSamples;

    @Option(names = "--subject-arrival", defaultValue = "0.5",
            description = "Where in the arrival order the subject's contribution comes, 0..1 (default: ${DEFAULT-VALUE}).")
    double subjectArrival;

    @Option(names = "--repeats", defaultValue = "3",
            description = "Timed runs of each deletion; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (shards < 1 || slices < 1 || epochsPerSlice < 1 || monolithicEpochs < 1 || subjectSamples < 1 || repeats < 1
                || subjectArrival < 0 || subjectArrival > 1) {
            spec.commandLine().getErr().println("sizes and epochs must be positive and --subject-arrival within 0..1");
            return 2;
        }
        FashionMnist data = FashionMnist.installed();
        List<Sample> train = data.train();
        List<Sample> test = data.test();
        Bytes32 subject = HashAlgorithm.SHA_256.hash("bench-subject".getBytes(StandardCharsets.UTF_8));
        List<OwnedSample> arrivals = arrivals(train, subject);
        Set<Bytes32> removed = new HashSet<>(train.subList(0, subjectSamples).stream().map(Sample::hash).toList());
        try (ScratchDirectory work = ScratchDirectory.create("lethe-bench-unlearning")) {
            CheckpointStore store = new CheckpointStore(work.path());
            SisaTrainer monolithicTrainer = new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP,
                    new SisaLayout(1, 1), TrainingConfig.defaults(monolithicEpochs, seed)), store);
            long start = System.nanoTime();
            SisaModel monolithic = monolithicTrainer.train(arrivals, SisaProgress.NONE);
            double monolithicSeconds = seconds(start);

            SisaTrainer sisaTrainer = new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP,
                    new SisaLayout(shards, slices), TrainingConfig.defaults(epochsPerSlice, seed)), store);
            start = System.nanoTime();
            SisaModel sisa = sisaTrainer.train(arrivals, SisaProgress.NONE);
            double sisaSeconds = seconds(start);

            List<Integer> touched = new ArrayList<>();
            SisaModel afterSisa = unlearner(UnlearningMethod.SISA, sisaTrainer, store)
                    .unlearn(sisa, removed, (shard, slice) -> touched.add(slice));
            // medians of repeated runs: a shared 2-core machine shows 2x swings between identical steps
            double sisaDeletionSeconds = medianSeconds(() -> unlearner(UnlearningMethod.SISA, sisaTrainer, store)
                    .unlearn(sisa, removed, SisaProgress.NONE));
            double fullRetrainSeconds = medianSeconds(() -> unlearner(UnlearningMethod.RETRAIN, sisaTrainer, store)
                    .unlearn(sisa, removed, SisaProgress.NONE));

            Result result = new Result(Architecture.MLP.name(), shards, slices, epochsPerSlice, monolithicEpochs,
                    subjectSamples, touched.isEmpty() ? -1 : touched.get(0), repeats, BenchOutput.oneDecimal(monolithicSeconds),
                    BenchOutput.oneDecimal(sisaSeconds), BenchOutput.oneDecimal(fullRetrainSeconds),
                    BenchOutput.oneDecimal(sisaDeletionSeconds),
                    BenchOutput.oneDecimal(fullRetrainSeconds / sisaDeletionSeconds),
                    accuracy(monolithic, store, test), accuracy(sisa, store, test), accuracy(afterSisa, store, test));
            BenchOutput.print(spec.commandLine().getOut(), result, json);
            return 0;
        }
    }

    /** The provider's data with the subject's samples (the first ones of the split) arriving part-way through. */
    private List<OwnedSample> arrivals(List<Sample> train, Bytes32 subject) {
        List<OwnedSample> providers = train.subList(subjectSamples, train.size()).stream().map(OwnedSample::providers).toList();
        int cut = (int) Math.round(subjectArrival * providers.size());
        List<OwnedSample> arrivals = new ArrayList<>(providers.subList(0, cut));
        train.subList(0, subjectSamples).forEach(sample -> arrivals.add(new OwnedSample(sample, subject)));
        arrivals.addAll(providers.subList(cut, providers.size()));
        return arrivals;
    }

    private static Unlearner unlearner(UnlearningMethod method, SisaTrainer trainer,
                                                              CheckpointStore store) {
        return method.unlearner(trainer, store, ApproximateUnlearningSettings.defaults());
    }

    private static double accuracy(SisaModel model, CheckpointStore store, List<Sample> test) {
        try (SisaEnsemble ensemble = SisaEnsemble.load(model, store)) {
            return BenchOutput.fourDecimals(ensemble.accuracy(test));
        }
    }

    private double medianSeconds(Runnable run) {
        double[] times = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            run.run();
            times[i] = seconds(start);
        }
        Arrays.sort(times);
        return times[repeats / 2];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
