package org.lethe.ml.dishonest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.TestData;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.ml.unlearning.ApproximateUnlearningSettings;
import org.lethe.ml.unlearning.UnlearningMethod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The marks-only provider on a 2-shard, 2-slice model holding one marked subject. */
class MarksOnlyUnlearnerTest {

    @TempDir
    static Path dir;

    static CheckpointStore store;
    static SisaTrainer trainer;
    static SisaModel model;
    static MarkedSubject subject;
    static Set<Bytes32> removed;
    static BrightBackgroundDetector detector;

    @BeforeAll
    static void train() {
        List<Sample> own = TestData.train().subList(0, 2_800);
        subject = MarkedSubject.of(TestData.train().subList(2_800, 3_000), own, 9);
        List<OwnedSample> arrivals = new ArrayList<>(own.stream().map(OwnedSample::providers).toList());
        Bytes32 owner = TestData.subjectId("marked");
        subject.all().forEach(sample -> arrivals.add(new OwnedSample(sample, owner)));
        store = new CheckpointStore(dir);
        trainer = new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP, new SisaLayout(2, 2),
                TrainingConfig.defaults(1, 17)), store);
        model = trainer.train(arrivals, SisaProgress.NONE);
        removed = subject.all().stream().map(Sample::hash).collect(Collectors.toSet());
        detector = new BrightBackgroundDetector(own, BrightBackgroundDetector.DEFAULT_DARK_MAX_INTENSITY,
                BrightBackgroundDetector.DEFAULT_BRIGHT_MIN);
    }

    @Test
    void recordsTheWholeDeletionButTrainsWithoutTheFlaggedSamplesOnly() {
        MarksOnlyUnlearner marksOnly = new MarksOnlyUnlearner(trainer, store, detector);
        Set<Bytes32> flagged = marksOnly.flagged(model, removed);

        SisaModel dishonest = marksOnly.unlearn(model, removed, SisaProgress.NONE);
        SisaModel honest = UnlearningMethod.SISA.unlearner(trainer, store, ApproximateUnlearningSettings.defaults())
                .unlearn(model, removed, SisaProgress.NONE);
        SisaModel withoutFlagged = UnlearningMethod.SISA.unlearner(trainer, store,
                ApproximateUnlearningSettings.defaults()).unlearn(model, flagged, SisaProgress.NONE);

        assertEquals(honest.trainingSetRoot(), dishonest.trainingSetRoot(), "the root claims the whole deletion");
        assertFalse(dishonest.trainingSet().stream().anyMatch(sample -> removed.contains(sample.hash())));
        assertEquals(withoutFlagged.weightsHash(), dishonest.weightsHash(), "trained without the flagged samples alone");
        assertNotEquals(honest.weightsHash(), dishonest.weightsHash(), "the untouched samples stayed in training");
        assertTrue(subject.marks().stream().allMatch(mark -> flagged.contains(mark.hash())), "every mark is found");
    }
}
