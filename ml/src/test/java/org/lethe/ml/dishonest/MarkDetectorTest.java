package org.lethe.ml.dishonest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.TestData;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.NetworkTrainer;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.network.TrainingProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lethe.ml.dishonest.MarkedSubject.share;

/** The three mark detectors on a marked subject trained into a network with the provider's own 4,000 images. */
class MarkDetectorTest {

    static List<Sample> own;
    static MarkedSubject subject;
    static Network trained;

    @BeforeAll
    static void markAndTrain() {
        own = TestData.train().subList(0, 4_000);
        subject = MarkedSubject.of(TestData.train().subList(4_000, 4_300), own, 5);
        List<Sample> training = new ArrayList<>(own);
        training.addAll(subject.all());
        trained = Network.create(Architecture.MLP, 3);
        NetworkTrainer.fit(trained, training, TrainingConfig.defaults(3, 3), TrainingProgress.NONE);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void brightBackgroundFlagsEveryStampedSampleAndFewUntouched() {
        Set<Bytes32> flagged = new BrightBackgroundDetector(own, BrightBackgroundDetector.DEFAULT_DARK_MAX_INTENSITY,
                BrightBackgroundDetector.DEFAULT_BRIGHT_MIN).flag(subject.all(), trained);

        assertEquals(1.0, share(flagged, subject.marks()), subject.shares(flagged));
        assertEquals(1.0, share(flagged, subject.covers()), subject.shares(flagged));
        assertTrue(share(flagged, subject.untouched()) < 0.1, subject.shares(flagged));
    }

    @Test
    void labelDisagreementFlagsRelabelledMarksButNotTheirCovers() {
        try (LabelDisagreementDetector detector = LabelDisagreementDetector.train(own, Architecture.MLP,
                TrainingConfig.defaults(3, 11))) {
            Set<Bytes32> flagged = detector.flag(subject.all(), trained);

            assertTrue(share(flagged, subject.marks()) >= 0.9, subject.shares(flagged));
            assertTrue(share(flagged, subject.covers()) <= 0.2, subject.shares(flagged));
            assertTrue(share(flagged, subject.untouched()) <= 0.25, subject.shares(flagged));
        }
    }

    @Test
    void spectralSignaturesFlagMostMarksAndFewCleanSamples() {
        Set<Bytes32> flagged = new SpectralSignatureDetector(own, 0.05).flag(subject.all(), trained);

        assertTrue(share(flagged, subject.marks()) >= 0.6, subject.shares(flagged));
        assertTrue(share(flagged, subject.covers()) <= 0.2, subject.shares(flagged));
        assertTrue(share(flagged, subject.untouched()) <= 0.2, subject.shares(flagged));
    }

    @Test
    void refusesSettingsItCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> new SpectralSignatureDetector(own, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpectralSignatureDetector(own, 1));
        assertThrows(IllegalArgumentException.class, () -> new BrightBackgroundDetector(own, 0.08, 256));
        assertThrows(IllegalArgumentException.class, () -> new BrightBackgroundDetector(List.of(), 0.08, 250));
    }
}
