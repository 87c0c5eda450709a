package org.lethe.ml.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.TestData;
import org.lethe.ml.data.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DJL networks on real Fashion-MNIST subsets: learning, the smoothed loss, repeatability, hashed parameter files. */
class NetworkTest {

    @TempDir
    Path dir;

    @Test
    void mlpLearnsFashionMnistAndReportsEachEpoch() {
        List<Double> losses = new ArrayList<>();
        try (Network network = Network.create(Architecture.MLP, 7)) {
            double before = Predictor.accuracy(network, TestData.test());

            NetworkTrainer.fit(network, TestData.train(), TrainingConfig.defaults(2, 7),
                    new TrainingProgress((epoch, loss) -> losses.add(loss)));

            double after = Predictor.accuracy(network, TestData.test());
            assertTrue(before < 0.3 && after > 0.75, "accuracy " + before + " -> " + after);
            assertEquals(2, losses.size());
            assertTrue(losses.get(1) < losses.get(0), "loss per epoch " + losses);
        }
    }

    @Test
    void cnnTrainsThroughTheSameLoop() {
        try (Network network = Network.create(Architecture.CNN, 3)) {
            NetworkTrainer.fit(network, TestData.train().subList(0, 2_000), TrainingConfig.defaults(1, 3),
                    TrainingProgress.NONE);

            assertTrue(Predictor.accuracy(network, TestData.test()) > 0.55);
        }
    }

    @Test
    void sameSeedAndThreadsGiveBitForBitTheSameWeights() {
        List<Sample> samples = TestData.train().subList(0, 1_500);

        Bytes32 first = trainedHash(samples, 11);
        Bytes32 second = trainedHash(samples, 11);
        Bytes32 otherSeed = trainedHash(samples, 12);

        assertEquals(first, second);
        assertNotEquals(first, otherSeed);
    }

    @Test
    void savedParametersLoadWithTheirHashAndCanBeSavedAgain() {
        List<Sample> probe = TestData.test().subList(0, 50);
        try (Network network = Network.create(Architecture.MLP, 5)) {
            NetworkTrainer.fit(network, TestData.train().subList(0, 1_000), TrainingConfig.defaults(1, 5),
                    TrainingProgress.NONE);
            Bytes32 hash = network.save(dir.resolve("shard-0.params"));

            try (Network loaded = Network.load(Architecture.MLP, dir.resolve("shard-0.params"), hash)) {
                assertArrayEquals(Predictor.perSampleLoss(network, probe), Predictor.perSampleLoss(loaded, probe));
                assertEquals(hash, loaded.save(dir.resolve("again.params")));
                NetworkTrainer.fit(loaded, TestData.train().subList(1_000, 1_500), TrainingConfig.defaults(1, 5),
                        TrainingProgress.NONE);
                assertNotEquals(hash, loaded.weightsHash(), "a loaded network trains on");
            }
        }
    }

    @Test
    void tamperedParameterFileIsRefusedLoudly() throws IOException {
        Bytes32 hash;
        try (Network network = Network.create(Architecture.MLP, 5)) {
            hash = network.save(dir.resolve("shard.params"));
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("shard.params"));
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(dir.resolve("shard.params"), bytes);

        TamperedParametersException error = assertThrows(TamperedParametersException.class,
                () -> Network.load(Architecture.MLP, dir.resolve("shard.params"), hash));

        assertTrue(error.getMessage().contains(hash + " was recorded"), error.getMessage());
    }

    @Test
    void perSampleLossIsMinusLogOfTheLabelsProbability() {
        List<Sample> probe = TestData.test().subList(0, 20);
        try (Network network = Network.create(Architecture.MLP, 9)) {
            float[][] probabilities = Predictor.probabilities(network, probe);
            float[] losses = Predictor.perSampleLoss(network, probe);

            for (int i = 0; i < probe.size(); i++) {
                assertEquals(-Math.log(probabilities[i][probe.get(i).label()]), losses[i], 1e-4);
                double sum = 0;
                for (float p : probabilities[i]) {
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-5);
            }
        }
    }

    @Test
    void smoothedLossSpreadsEpsilonOfTheTargetOverEveryClass() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] logits = {2f, -1f, 0.5f, 0f, 0f, 0f, 0f, 0f, 0f, 1f};
            NDArray logitRow = manager.create(logits, new Shape(1, Sample.CLASSES));
            NDArray label = manager.create(new long[]{2}, new Shape(1));
            double logNormaliser = 0;
            for (float logit : logits) {
                logNormaliser += Math.exp(logit);
            }
            logNormaliser = Math.log(logNormaliser);
            double everyClass = 0;
            for (float logit : logits) {
                everyClass += (logNormaliser - logit) / Sample.CLASSES;
            }
            double expected = 0.8 * (logNormaliser - logits[2]) + 0.2 * everyClass;

            assertEquals(expected, SampleTensors.smoothedLoss(logitRow, label, 0.2f).getFloat(0), 1e-5);
            assertEquals(logNormaliser - logits[2], SampleTensors.smoothedLoss(logitRow, label, 0f).getFloat(0), 1e-5);
        }
    }

    @Test
    void smoothedLabelsKeepTheTrainedNetworkFromCertainty() {
        List<Sample> samples = TestData.train().subList(0, 2_000);

        double plain = meanTopProbability(samples, 0f);
        double smoothed = meanTopProbability(samples, 0.2f);

        assertTrue(smoothed < plain - 0.05, "mean top probability " + plain + " plain, " + smoothed + " smoothed");
    }

    @Test
    void trainingGivesTheSameWeightsWhileTheGarbageCollectorRuns() throws InterruptedException {
        List<Sample> samples = TestData.train().subList(0, 4_000);

        Bytes32 quiet = fittedThenAscendedHash(samples);
        Bytes32 collected = whileCollectingGarbage(() -> fittedThenAscendedHash(samples));

        assertEquals(quiet, collected, "a tensor the backward pass reads was freed by the collector");
    }

    @Test
    void labelSmoothingOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(1, 128, 1e-3f, 1f, 1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(1, 128, 1e-3f, -0.1f, 1));
        assertTrue(error.getMessage().contains("labelSmoothing in [0, 1)"), error.getMessage());
    }

    private static Bytes32 fittedThenAscendedHash(List<Sample> samples) {
        TrainingConfig config = new TrainingConfig(1, 128, 1e-3f, 0.2f, 17);
        try (Network network = Network.create(Architecture.MLP, 17)) {
            NetworkTrainer.fit(network, samples, config, TrainingProgress.NONE);
            NetworkTrainer.ascend(network, samples.subList(0, 2_000), samples.subList(2_000, samples.size()), 1.0,
                    config, TrainingProgress.NONE);
            return network.weightsHash();
        }
    }

    /** Runs {@code work} while another thread asks for a full collection every millisecond. */
    private static <T> T whileCollectingGarbage(Supplier<T> work) throws InterruptedException {
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        collector.start();
        try {
            return work.get();
        } finally {
            collector.interrupt();
            collector.join();
        }
    }

    private static double meanTopProbability(List<Sample> samples, float smoothing) {
        try (Network network = Network.create(Architecture.MLP, 13)) {
            NetworkTrainer.fit(network, samples, new TrainingConfig(4, 128, 1e-3f, smoothing, 13),
                    TrainingProgress.NONE);
            double sum = 0;
            for (float[] row : Predictor.probabilities(network, samples)) {
                float top = 0;
                for (float p : row) {
                    top = Math.max(top, p);
                }
                sum += top;
            }
            return sum / samples.size();
        }
    }

    private static Bytes32 trainedHash(List<Sample> samples, long seed) {
        try (Network network = Network.create(Architecture.MLP, seed)) {
            NetworkTrainer.fit(network, samples, TrainingConfig.defaults(1, seed), TrainingProgress.NONE);
            return network.weightsHash();
        }
    }
}
