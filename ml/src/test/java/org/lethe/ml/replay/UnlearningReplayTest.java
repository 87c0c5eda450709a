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
 * Replay against a 2-shard, 3-slice model holding one subject whose samples arrive last: once the version with the
 * subject is proven, the honest deletion replays bit for bit from the subject's slice, every version that lies
 * about what it trained on (at any slice) does not, and material that does not match the transcript is refused.
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

    /** What an honest provider hands over: the version's slices, and no checkpoint (the verifier trains its own). */
    private static ShardMaterial material(SisaModel version, int shard) {
        return new ShardMaterial(shard, version.shards().get(shard).slices(), Optional.empty());
    }

    private static ReplayOutcome outcomeOf(List<ReplayOutcome> outcomes, int shard) {
        return outcomes.stream().filter(outcome -> outcome.shard() == shard).findFirst()
                .orElseThrow(() -> new AssertionError("shard " + shard + " was not replayed: " + outcomes));
    }

    /** A replay with the verifier's own store, which proved the version trained with the subject. */
    private UnlearningReplay provenReplay() {
        UnlearningReplay replay = new UnlearningReplay(new CheckpointStore(verifierDirectory), ProvenPrefixes.inProcess());
        List<ReplayOutcome> proof = replay.replay(transcript(trained), shard -> material(trained, shard));
        assertEquals(2, proof.size(), "nothing was proven before: both shards from their first slice");
        proof.forEach(outcome -> assertEquals(ReplayOutcome.Result.MATCHES, outcome.result(), outcome.detail()));
        return replay;
    }

    @Test
    void anHonestSisaDeletionOfAProvenVersionReplaysOnlyTheSubjectsShardFromItsFirstChangedSlice() {
        SisaModel sisa = unlearned(UnlearningMethod.SISA);
        UnlearningReplay replay = provenReplay();

        assertEquals(2, replay.provenSlices(transcript(sisa), subjectShard), "the subject's samples arrived in slice 2");
        List<ReplayOutcome> outcomes = replay.replay(transcript(sisa), shard -> material(sisa, shard));

        assertEquals(List.of(subjectShard), UnlearningReplay.affectedShards(transcript(trained), transcript(sisa)));
        assertEquals(1, outcomes.size());
        assertEquals(ReplayOutcome.Result.MATCHES, outcomes.get(0).result(), outcomes.get(0).detail());
        assertTrue(outcomes.get(0).detail().startsWith("slices 2–2 replayed"), outcomes.get(0).detail());
        assertTrue(Files.exists(verifierDirectory.resolve(providerStore.file(sisa.shards().get(subjectShard)
                .finalCheckpoint()).getFileName())), "the replay trained the final checkpoint in the verifier's own store");
        assertEquals(List.of(), replay.unprovenShards(transcript(sisa)), "proven once, never trained again");
        assertEquals(List.of(), replay.replay(transcript(sisa), shard -> {
            throw new AssertionError("no material is asked for a proven version");
        }));
    }

    @Test
    void versionsThatKeepTheDataWhileTheirTranscriptClaimsItGoneReplayToOtherWeights() {
        SisaModel lazy = unlearned(UnlearningMethod.NONE);
        // the subject's images carry no mark here: the detector flags few of them and the provider keeps the rest
        SisaModel marksOnly = new MarksOnlyUnlearner(trainer, providerStore, new BrightBackgroundDetector(
                TestData.train().subList(0, 2_800), 0.08, 250)).unlearn(trained, subjectSamples, SisaProgress.NONE);
        UnlearningReplay replay = provenReplay();

        assertEquals(ReplayOutcome.Result.DIFFERS, replay.replay(transcript(lazy), shard -> material(lazy, shard)).get(0)
                .result(), "none: the old weights");
        assertEquals(ReplayOutcome.Result.DIFFERS, replay.replay(transcript(marksOnly), shard -> material(marksOnly, shard))
                .get(0).result(), "marks-only: trained with the samples it kept");
        assertEquals(List.of(subjectShard), replay.unprovenShards(transcript(marksOnly)), "a replay that differs proves nothing");
    }

    @Test
    void materialThatDoesNotMatchTheTranscriptIsRefusedAndNothingIsTrained() {
        SisaModel sisa = unlearned(UnlearningMethod.SISA);
        ShardState state = sisa.shards().get(subjectShard);
        List<List<Sample>> swapped = new ArrayList<>(state.slices());
        List<Sample> lastSlice = new ArrayList<>(swapped.get(2));
        lastSlice.set(0, TestData.train().get(5_000));
        swapped.set(2, lastSlice);
        Path store = verifierDirectory.resolve("store");
        UnlearningReplay replay = new UnlearningReplay(new CheckpointStore(store), ProvenPrefixes.inProcess());

        ReplayOutcome otherSamples = outcomeOf(replay.replay(transcript(sisa),
                shard -> shard == subjectShard ? new ShardMaterial(shard, swapped, Optional.empty()) : material(sisa, shard)),
                subjectShard);
        ReplayOutcome missingSlice = outcomeOf(replay.replay(transcript(sisa),
                shard -> new ShardMaterial(shard, sisa.shards().get(shard).slices().subList(0, 2), Optional.empty())),
                subjectShard);

        assertEquals(ReplayOutcome.Result.REFUSED, missingSlice.result());
        assertTrue(missingSlice.detail().contains("with 2 slices, not shard " + subjectShard + " with 3"),
                missingSlice.detail());
        assertEquals(ReplayOutcome.Result.REFUSED, otherSamples.result());
        assertTrue(otherSamples.detail().startsWith("slice 2's samples digest to"), otherSamples.detail());
        assertTrue(Files.notExists(new CheckpointStore(store).file(state.finalCheckpoint())), "nothing was trained");
    }

    @Test
    void aStartingCheckpointTheVerifierNoLongerKeepsIsTakenFromTheProviderOnlyWhenItHashesToTheProvenOne()
            throws IOException {
        SisaModel sisa = unlearned(UnlearningMethod.SISA);
        ShardState state = sisa.shards().get(subjectShard);
        UnlearningReplay replay = provenReplay();
        CheckpointStore verifierStore = new CheckpointStore(verifierDirectory);
        Bytes32 start = state.sliceCheckpoints().get(1);
        Files.delete(verifierStore.file(start));
        byte[] otherStart = Files.readAllBytes(providerStore.file(state.sliceCheckpoints().get(0)));
        byte[] providersCopy = Files.readAllBytes(providerStore.file(start));

        ReplayOutcome noStart = replay.replay(transcript(sisa), shard -> material(sisa, shard)).get(0);
        ReplayOutcome otherStartingPoint = replay.replay(transcript(sisa),
                shard -> new ShardMaterial(shard, state.slices(), Optional.of(otherStart))).get(0);
        assertTrue(Files.notExists(verifierStore.file(state.finalCheckpoint())), "nothing was trained");
        ReplayOutcome handedOver = replay.replay(transcript(sisa),
                shard -> new ShardMaterial(shard, state.slices(), Optional.of(providersCopy))).get(0);

        assertEquals(ReplayOutcome.Result.REFUSED, noStart.result());
        assertTrue(noStart.detail().startsWith("no starting checkpoint for slice 2"), noStart.detail());
        assertEquals(ReplayOutcome.Result.REFUSED, otherStartingPoint.result());
        assertTrue(otherStartingPoint.detail().startsWith("the starting checkpoint hashes to"), otherStartingPoint.detail());
        assertEquals(ReplayOutcome.Result.MATCHES, handedOver.result(), handedOver.detail());
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

        List<ReplayOutcome> outcomes = provenReplay().replay(lying, shard -> material(sisa, shard));

        assertEquals(1, outcomes.size());
        assertEquals(ReplayOutcome.Result.REFUSED, outcomes.get(0).result());
        assertTrue(outcomes.get(0).detail().startsWith("the slices' samples make the set "), outcomes.get(0).detail());
        assertTrue(Files.notExists(new CheckpointStore(verifierDirectory).file(sisa.shards().get(subjectShard)
                .finalCheckpoint())), "nothing was trained");
    }

    @Test
    void aShardWhoseTranscriptLiedSinceItsFirstSliceIsCaughtTheFirstTimeTheVersionIsReplayed() {
        int untouched = 1 - subjectShard;
        ShardState trainedOn = trained.shards().get(untouched);
        TrainingTranscript honest = transcript(trained);
        // the transcript claims the shard never trained on one sample it did train on (a copy kept since training)
        List<List<Sample>> claimed = trainedOn.without(Set.of(trainedOn.slices().get(0).get(0).hash())).slices();
        List<ShardTranscript> shards = new ArrayList<>(honest.shards());
        shards.set(untouched, ShardTranscript.of(untouched, new ShardState(claimed, trainedOn.sliceCheckpoints())));
        TrainingTranscript lying = new TrainingTranscript(honest.architecture(), honest.layout(), honest.sliceTraining(),
                shards);

        List<ReplayOutcome> outcomes = new UnlearningReplay(new CheckpointStore(verifierDirectory),
                ProvenPrefixes.inProcess()).replay(lying, shard -> shard == untouched
                ? new ShardMaterial(untouched, claimed, Optional.empty()) : material(trained, shard));

        ReplayOutcome honestShard = outcomeOf(outcomes, subjectShard);
        ReplayOutcome lyingShard = outcomeOf(outcomes, untouched);
        assertEquals(ReplayOutcome.Result.MATCHES, honestShard.result(), honestShard.detail());
        assertEquals(ReplayOutcome.Result.DIFFERS, lyingShard.result(), lyingShard.detail());
        assertTrue(lyingShard.detail().startsWith("slice 0 replays to "), lyingShard.detail());
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
        assertEquals(original.shardPrefix(0, 1), otherCheckpoint.shardPrefix(0, 1),
                "the slices before a change are the same training in either version");
        assertNotEquals(original.shardPrefix(0, 2), otherCheckpoint.shardPrefix(0, 2), "a prefix covers its checkpoints");
        assertNotEquals(original.shardPrefix(0, 2), otherSeed.shardPrefix(0, 2), "and the configuration");
        assertNotEquals(original.shardPrefix(0, 2), original.shardPrefix(0, 3));
    }
}
