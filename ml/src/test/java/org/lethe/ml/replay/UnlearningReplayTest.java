package org.lethe.ml.replay;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.TestData;
import org.lethe.ml.data.Sample;
import org.lethe.ml.dishonest.BrightBackgroundDetector;
import org.lethe.ml.dishonest.MarksOnlyUnlearner;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.ml.unlearning.ApproximateUnlearningSettings;
import org.lethe.ml.unlearning.UnlearningMethod;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replay against a 2-shard, 3-slice model holding one subject whose samples arrive last: the honest deletion
 * replays bit for bit, every version that lies about what it trained on does not, and material that does not
 * match the transcripts is refused.
 */
class UnlearningReplayTest {

    @TempDir
    static Path providerDirectory;
    @TempDir
    Path verifierDirectory;

    static CheckpointStore providerStore;
    static SisaTrainer trainer;
    static SisaModel trained;
    static Set<Bytes32> subjectSamples;
    static int subjectShard;

    @BeforeAll
    static void train() {
        List<OwnedSample> arrivals = new ArrayList<>();
        TestData.train().subList(0, 2_800).forEach(sample -> arrivals.add(OwnedSample.providers(sample)));
        List<Sample> subject = TestData.train().subList(2_800, 2_950);
        Bytes32 owner = TestData.subjectId("replayed");
        subject.forEach(sample -> arrivals.add(new OwnedSample(sample, owner)));
        subjectSamples = new HashSet<>(subject.stream().map(Sample::hash).toList());
        subjectShard = new OwnedSample(subject.get(0), owner).shard(2);
        providerStore = new CheckpointStore(providerDirectory);
        trainer = new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP, new SisaLayout(2, 3),
                TrainingConfig.defaults(1, 7)), providerStore);
        trained = trainer.train(arrivals, SisaProgress.NONE);
    }

    private static TrainingTranscript transcript(SisaModel model) {
        return TrainingTranscript.of(model, trainer.settings());
    }

    private static SisaModel unlearned(UnlearningMethod method) {
        return method.unlearner(trainer, providerStore, ApproximateUnlearningSettings.defaults())
                .unlearn(trained, subjectSamples, SisaProgress.NONE);
    }

    /** What an honest provider hands over: the new version's slices and its stored starting checkpoint. */
    private static ShardMaterial material(SisaModel after, int shard, int from) {
        ShardState state = after.shards().get(shard);
        try {
            return new ShardMaterial(shard, state.slices(), from == 0 ? Optional.empty()
                    : Optional.of(Files.readAllBytes(providerStore.file(state.sliceCheckpoints().get(from - 1)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ReplayOutcome> replay(SisaModel after) {
        return new UnlearningReplay(new CheckpointStore(verifierDirectory)).replay(transcript(trained), transcript(after),
                shard -> material(after, shard, 2));
    }

    @Test
    void anHonestSisaDeletionReplaysBitForBitOnlyInTheSubjectsShard() {
        SisaModel sisa = unlearned(UnlearningMethod.SISA);

        List<ReplayOutcome> outcomes = replay(sisa);

        assertEquals(List.of(subjectShard), UnlearningReplay.affectedShards(transcript(trained), transcript(sisa)));
        assertEquals(1, outcomes.size());
        assertEquals(ReplayOutcome.Result.MATCHES, outcomes.get(0).result(), outcomes.get(0).detail());
        assertTrue(Files.exists(verifierDirectory.resolve(providerStore.file(sisa.shards().get(subjectShard)
                .finalCheckpoint()).getFileName())), "the replay trained the final checkpoint in the verifier's own store");
    }

    @Test
    void versionsThatKeepTheDataWhileTheirTranscriptClaimsItGoneReplayToOtherWeights() {
        SisaModel lazy = unlearned(UnlearningMethod.NONE);
        // the subject's images carry no mark here: the detector flags few of them and the provider keeps the rest
        SisaModel marksOnly = new MarksOnlyUnlearner(trainer, providerStore, new BrightBackgroundDetector(
                TestData.train().subList(0, 2_800), 0.08, 250)).unlearn(trained, subjectSamples, SisaProgress.NONE);

        assertEquals(ReplayOutcome.Result.DIFFERS, replay(lazy).get(0).result(), "none: the old weights");
        assertEquals(ReplayOutcome.Result.DIFFERS, replay(marksOnly).get(0).result(),
                "marks-only: trained with the samples it kept");
    }

    @Test
    void materialThatDoesNotMatchTheTranscriptsIsRefusedAndNothingIsTrained() throws IOException {
        SisaModel sisa = unlearned(UnlearningMethod.SISA);
        ShardState state = sisa.shards().get(subjectShard);
        List<List<Sample>> swapped = new ArrayList<>(state.slices());
        List<Sample> lastSlice = new ArrayList<>(swapped.get(2));
        lastSlice.set(0, TestData.train().get(5_000));
        swapped.set(2, lastSlice);
        byte[] otherStart = Files.readAllBytes(providerStore.file(state.sliceCheckpoints().get(0)));
        UnlearningReplay replay = new UnlearningReplay(new CheckpointStore(verifierDirectory.resolve("store")));

        ReplayOutcome otherSamples = replay.replay(transcript(trained), transcript(sisa),
                shard -> new ShardMaterial(shard, swapped, material(sisa, shard, 2).startCheckpoint())).get(0);
        ReplayOutcome otherStartingPoint = replay.replay(transcript(trained), transcript(sisa),
                shard -> new ShardMaterial(shard, state.slices(), Optional.of(otherStart))).get(0);

        ReplayOutcome missingSlice = replay.replay(transcript(trained), transcript(sisa),
                shard -> new ShardMaterial(shard, state.slices().subList(0, 2), material(sisa, shard, 2).startCheckpoint()))
                .get(0);
        ReplayOutcome noStart = replay.replay(transcript(trained), transcript(sisa),
                shard -> new ShardMaterial(shard, state.slices(), Optional.empty())).get(0);

        assertEquals(ReplayOutcome.Result.REFUSED, missingSlice.result());
        assertTrue(missingSlice.detail().contains("with 2 slices, not shard " + subjectShard + " with 3"),
                missingSlice.detail());
        assertEquals(ReplayOutcome.Result.REFUSED, noStart.result());
        assertTrue(noStart.detail().startsWith("no starting checkpoint for slice 2"), noStart.detail());
        assertEquals(ReplayOutcome.Result.REFUSED, otherSamples.result());
        assertTrue(otherSamples.detail().startsWith("slice 2's samples digest to"), otherSamples.detail());
        assertEquals(ReplayOutcome.Result.REFUSED, otherStartingPoint.result());
        assertTrue(otherStartingPoint.detail().startsWith("the starting checkpoint hashes to"), otherStartingPoint.detail());
        assertTrue(Files.notExists(verifierDirectory.resolve("store")), "nothing was trained");
    }

    @Test
    void aTranscriptWhoseSampleSetIsNotItsSlicesIsRefused() {
        SisaModel sisa = unlearned(UnlearningMethod.SISA);
        TrainingTranscript honest = transcript(sisa);
        // the shard claims to hold another set than its slices (say, one without a sample it trains on)
        List<ShardTranscript> shards = new ArrayList<>(honest.shards());
        ShardTranscript retrained = shards.get(subjectShard);
        shards.set(subjectShard, new ShardTranscript(subjectShard, retrained.sliceDigests(), retrained.checkpoints(),
                ShardTranscript.sampleSet(List.of(sisa.shards().get(subjectShard).slices().get(0)))));
        TrainingTranscript lying = new TrainingTranscript(honest.architecture(), honest.layout(), honest.sliceTraining(),
                shards);

        ReplayOutcome outcome = new UnlearningReplay(new CheckpointStore(verifierDirectory.resolve("store")))
                .replay(transcript(trained), lying, shard -> material(sisa, shard, 2)).get(0);

        assertEquals(ReplayOutcome.Result.REFUSED, outcome.result());
        assertTrue(outcome.detail().startsWith("the slices' samples make the set "), outcome.detail());
        assertTrue(Files.notExists(verifierDirectory.resolve("store")), "nothing was trained");
    }

    @Test
    void aShardWhoseTranscriptClaimsOtherDataThanItTrainedOnFailsItsSpotCheck() {
        int untouched = 1 - subjectShard;
        ShardState trainedOn = trained.shards().get(untouched);
        TrainingTranscript honest = transcript(trained);
        // the transcript claims the shard never trained on one sample it did train on (a copy kept since training)
        List<List<Sample>> claimed = trainedOn.without(Set.of(trainedOn.slices().get(0).get(0).hash())).slices();
        List<ShardTranscript> shards = new ArrayList<>(honest.shards());
        shards.set(untouched, ShardTranscript.of(untouched, new ShardState(claimed, trainedOn.sliceCheckpoints())));
        TrainingTranscript lying = new TrainingTranscript(honest.architecture(), honest.layout(), honest.sliceTraining(),
                shards);
        UnlearningReplay replay = new UnlearningReplay(new CheckpointStore(verifierDirectory));

        ReplayOutcome honestCheck = replay.replayWhole(honest, untouched,
                new ShardMaterial(untouched, trainedOn.slices(), Optional.empty()));
        ReplayOutcome lyingCheck = replay.replayWhole(lying, untouched, new ShardMaterial(untouched, claimed,
                Optional.empty()));

        assertEquals(ReplayOutcome.Result.MATCHES, honestCheck.result(), honestCheck.detail());
        assertEquals(ReplayOutcome.Result.DIFFERS, lyingCheck.result(), lyingCheck.detail());
        assertTrue(lyingCheck.detail().startsWith("slice 0 replays to "), lyingCheck.detail());
    }

    @Test
    void theTranscriptRootCommitsToEverySliceCheckpointAndSetting() {
        TrainingTranscript original = transcript(trained);
        ShardTranscript first = original.shards().get(0);
        List<Bytes32> checkpoints = new ArrayList<>(first.checkpoints());
        checkpoints.set(1, checkpoints.get(2));
        TrainingTranscript otherCheckpoint = new TrainingTranscript(original.architecture(), original.layout(),
                original.sliceTraining(), List.of(new ShardTranscript(0, first.sliceDigests(), checkpoints,
                first.sampleSet()), original.shards().get(1)));
        TrainingTranscript otherSampleSet = new TrainingTranscript(original.architecture(), original.layout(),
                original.sliceTraining(), List.of(new ShardTranscript(0, first.sliceDigests(), first.checkpoints(),
                original.shards().get(1).sampleSet()), original.shards().get(1)));
        TrainingTranscript otherSeed = new TrainingTranscript(original.architecture(), original.layout(),
                original.sliceTraining().withSeed(8), original.shards());

        assertEquals(original.root(), transcript(trained).root(), "the same model, the same root");
        assertNotEquals(original.root(), otherCheckpoint.root());
        assertNotEquals(original.root(), otherSampleSet.root());
        assertNotEquals(original.root(), otherSeed.root());
        assertNotEquals(original.root(), transcript(unlearned(UnlearningMethod.SISA)).root());
    }
}
