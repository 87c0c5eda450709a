package org.lethe.ml.unlearning;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.TestData;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.Predictor;
import org.lethe.ml.network.TamperedParametersException;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each strategy on a trained 2-shard, 3-slice MLP with one subject's latest contribution removed. */
class UnlearningTest {

    @TempDir
    static Path dir;

    static SisaTrainer trainer;
    static CheckpointStore store;
    static SisaModel model;
    static Set<Bytes32> subjectSamples;
    static List<Sample> subjectList;
    static int subjectShard;

    @BeforeAll
    static void trainOnce() {
        List<OwnedSample> arrivals = new ArrayList<>();
        TestData.train().subList(0, 2_800).forEach(sample -> arrivals.add(OwnedSample.providers(sample)));
        subjectList = TestData.train().subList(2_800, 2_950);
        Bytes32 subject = TestData.subjectId("subject-1");
        subjectList.forEach(sample -> arrivals.add(new OwnedSample(sample, subject)));
        subjectSamples = new HashSet<>(subjectList.stream().map(Sample::hash).toList());
        subjectShard = new OwnedSample(subjectList.get(0), subject).shard(2);
        store = new CheckpointStore(dir);
        trainer = new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP, new SisaLayout(2, 3),
                TrainingConfig.defaults(1, 42)), store);
        model = trainer.train(arrivals, SisaProgress.NONE);
    }

    private static SisaModel unlearn(UnlearningMethod method, List<String> steps) {
        return method.unlearner(trainer, store, ApproximateUnlearningSettings.defaults())
                .unlearn(model, subjectSamples, (shard, slice) -> steps.add(shard + "/" + slice));
    }

    @Test
    void sisaRetrainsOnlyTheSubjectsShardFromItsLastSliceAndEqualsFullRetraining() {
        List<String> sisaSteps = new ArrayList<>();
        List<String> retrainSteps = new ArrayList<>();

        SisaModel sisa = unlearn(UnlearningMethod.SISA, sisaSteps);
        SisaModel retrained = unlearn(UnlearningMethod.RETRAIN, retrainSteps);

        assertEquals(List.of(subjectShard + "/2"), sisaSteps, "one slice step of one shard");
        assertEquals(6, retrainSteps.size(), "every slice of every shard");
        assertEquals(retrained.weightsHash(), sisa.weightsHash(), "exact: the same weights as retraining without the data");
        int otherShard = 1 - subjectShard;
        assertEquals(model.shards().get(otherShard), sisa.shards().get(otherShard));
        assertEquals(model.shards().get(subjectShard).sliceCheckpoints().subList(0, 2),
                sisa.shards().get(subjectShard).sliceCheckpoints().subList(0, 2));
        assertForgotten(sisa);
    }

    @Test
    void noneKeepsEveryWeightButDropsTheSamplesFromTheRecord() {
        SisaModel lazy = unlearn(UnlearningMethod.NONE, new ArrayList<>());

        assertEquals(model.weightsHash(), lazy.weightsHash());
        assertForgotten(lazy);
    }

    @Test
    void approximateMethodsChangeOnlyTheSubjectsShard() {
        for (UnlearningMethod method : List.of(UnlearningMethod.FINETUNE, UnlearningMethod.GRADIENT_ASCENT)) {
            SisaModel adjusted = unlearn(method, new ArrayList<>());

            assertNotEquals(model.shards().get(subjectShard).finalCheckpoint(),
                    adjusted.shards().get(subjectShard).finalCheckpoint(), method.name());
            assertEquals(model.shards().get(1 - subjectShard), adjusted.shards().get(1 - subjectShard), method.name());
            assertEquals(adjusted.shards().get(subjectShard).finalCheckpoint(),
                    adjusted.shards().get(subjectShard).sliceCheckpoints().get(2),
                    method + ": the checkpoint that held the data is replaced");
            assertForgotten(adjusted);
        }
    }

    @Test
    void gradientAscentRaisesTheLossOfTheRemovedSamples() {
        SisaModel ascended = unlearn(UnlearningMethod.GRADIENT_ASCENT, new ArrayList<>());

        double before = meanLoss(model.shards().get(subjectShard).finalCheckpoint());
        double after = meanLoss(ascended.shards().get(subjectShard).finalCheckpoint());

        assertTrue(after > before, "mean loss on removed samples " + before + " -> " + after);
    }

    @Test
    void aTamperedCheckpointStopsUnlearning() throws IOException {
        Path copy = Files.createTempDirectory(dir, "tampered");
        CheckpointStore tamperedStore = new CheckpointStore(copy);
        Bytes32 checkpoint = model.shards().get(subjectShard).sliceCheckpoints().get(1);
        byte[] bytes = Files.readAllBytes(store.file(checkpoint));
        bytes[bytes.length - 1] ^= 1;
        Files.write(tamperedStore.file(checkpoint), bytes);
        SisaTrainer tamperedTrainer = new SisaTrainer(trainer.settings(), tamperedStore);

        assertThrows(TamperedParametersException.class, () -> UnlearningMethod.SISA
                .unlearner(tamperedTrainer, tamperedStore, ApproximateUnlearningSettings.defaults())
                .unlearn(model, subjectSamples, SisaProgress.NONE));
    }

    private static void assertForgotten(SisaModel unlearned) {
        assertEquals(model.trainingSet().size() - 150, unlearned.trainingSet().size());
        assertFalse(unlearned.trainingSet().stream().anyMatch(sample -> subjectSamples.contains(sample.hash())));
        assertNotEquals(model.trainingSetRoot(), unlearned.trainingSetRoot());
    }

    private static double meanLoss(Bytes32 checkpoint) {
        try (Network network = store.get(model.architecture(), checkpoint)) {
            float[] losses = Predictor.perSampleLoss(network, subjectList);
            return IntStream.range(0, losses.length).mapToDouble(i -> losses[i]).average().orElseThrow();
        }
    }
}
