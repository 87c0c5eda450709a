package org.lethe.verifier.replay;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.InvalidJsonException;
import org.lethe.evidence.merkle.MerkleProofException;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Recorded;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.TamperedParametersException;
import org.lethe.ml.replay.ReplayOutcome;
import org.lethe.ml.replay.ShardMaterial;
import org.lethe.ml.replay.ShardTranscript;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.replay.TrainingTranscriptJson;
import org.lethe.ml.replay.UnlearningReplay;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.service.client.TrainingSetQuery;
import org.lethe.service.database.DataDirectory;
import org.lethe.service.ledger.LedgerGateway;
import org.lethe.verifier.VerifierMain;
import org.lethe.verifier.served.ModelService;
import org.lethe.verifier.service.VerifierSettings;
import org.lethe.verifier.verification.Layer;
import org.lethe.verifier.verification.ReplayEvidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The computation layer: replays an exact unlearning recorded on the ledger from the provider's material. Both
 * versions' transcripts must hash to the roots on the ledger and the new one's final checkpoints to its recorded
 * weights. Every shard whose sample set held one of the subject's samples before must have been retrained, and no
 * shard's sample set may hold one after (proofs against the transcripts' per-shard roots). Every shard of the new
 * version is then trained again on its committed samples from the longest prefix the verifier proved before
 * ({@link ProvenShardPrefixes}; from its first slice when none is) and must give the recorded checkpoints bit for
 * bit, so a shard that lied about its data at any time is caught the first time the verifier meets it; after an
 * honest deletion of a proven version that is exactly the deletion's own retraining. The samples replayed must be
 * in the version's recorded training set. The replayed model then answers beside the served one.
 */
@ApplicationScoped
public class ServiceReplay {

    private static final Logger LOG = Logger.getLogger(ServiceReplay.class);

    private final VerifierSettings settings;
    private final LedgerGateway ledger;
    private final ModelService modelService;
    private final ProvenShardPrefixes proven;
    private final CheckpointStore store;

    public ServiceReplay(VerifierSettings settings, LedgerGateway ledger, ModelService modelService,
                         ProvenShardPrefixes proven) {
        this.settings = settings;
        this.ledger = ledger;
        this.modelService = modelService;
        this.proven = proven;
        this.store = new CheckpointStore(settings.replay().checkpointDirectory().map(Path::of)
                .orElseGet(() -> DataDirectory.of(VerifierMain.SERVICE, "replay")));
    }

    /**
     * @param unlearning     the execution recorded on the ledger
     * @param servedVersion  the version the verification measures: the replayed model answers beside it only when
     *                       it is the executing version
     * @param subjectSamples the subject's sample hashes: every shard that held one must have been retrained, and
     *                       no shard may hold one after
     */
    public ReplayRun replay(Unlearning unlearning, String servedVersion, Set<Bytes32> subjectSamples) {
        Optional<String> token = settings.replay().modelServiceToken();
        if (token.isEmpty()) {
            return ReplayRun.of(ReplayEvidence.notRun());
        }
        if (unlearning.strategy() != UnlearningStrategy.SISA && unlearning.strategy() != UnlearningStrategy.RETRAIN) {
            return ReplayRun.of(new ReplayEvidence(Layer.NOT_CHECKED, "a " + unlearning.strategy() + " deletion is "
                    + "approximate: there is no exact computation to replay", Optional.empty()));
        }
        return replay(unlearning, servedVersion, subjectSamples,
                new ModelServiceMaterial(settings.modelServiceUrl(), token.get()));
    }

    /**
     * Replays with the material given: what {@link #replay(Unlearning, String, Set)} does with the model service's.
     * Material that does not match what the ledger and the transcripts commit to is UNDECIDED, never taken.
     */
    public ReplayRun replay(Unlearning unlearning, String servedVersion, Set<Bytes32> subjectSamples,
                            ReplayMaterial material) {
        try {
            return run(material, unlearning.newVersion(), Bytes32.fromHex(servedVersion), subjectSamples);
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException
                 | InvalidJsonException | MerkleProofException | TamperedParametersException e) {
            LOG.warnf("replay of version %s not made: %s", unlearning.newVersion(), e.getMessage());
            return undecided("the provider's replay material could not be had: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ReplayRun run(ReplayMaterial material, Bytes32 version, Bytes32 served, Set<Bytes32> subjectSamples)
            throws IOException, InterruptedException {
        Checkpoint after = recorded(version);
        if (after.parentVersion().isEmpty()) {
            return undecided("version " + version + " has no parent on the ledger: nothing was unlearnt from");
        }
        Checkpoint before = recorded(after.parentVersion().get());
        TrainingTranscript transcriptBefore = TrainingTranscriptJson.fromJson(material.transcript(before.versionHash()));
        TrainingTranscript transcriptAfter = TrainingTranscriptJson.fromJson(material.transcript(version));
        for (var pair : List.of(Map.entry(before, transcriptBefore), Map.entry(after, transcriptAfter))) {
            if (!pair.getValue().root().equals(pair.getKey().transcriptRoot())) {
                return undecided("the transcript handed over for version " + pair.getKey().versionHash() + " hashes to "
                        + pair.getValue().root() + ", the ledger records " + pair.getKey().transcriptRoot());
            }
        }
        List<Bytes32> finals = transcriptAfter.finalCheckpoints();
        if (!transcriptAfter.weightsHash().equals(after.weightsHash())) {
            return failed("the weights version " + version + " records are not the final checkpoints of its transcript");
        }
        List<Integer> affected = UnlearningReplay.affectedShards(transcriptBefore, transcriptAfter);
        Optional<ReplayRun> subjectLeft = subjectLeftInAShard(material, before.versionHash(), transcriptBefore, version,
                transcriptAfter, affected, List.copyOf(subjectSamples));
        if (subjectLeft.isPresent()) {
            return subjectLeft.get();
        }
        UnlearningReplay replay = new UnlearningReplay(store, proven);
        Map<Integer, Integer> startingSlices = new TreeMap<>();
        Map<Integer, List<List<Sample>>> slices = new HashMap<>();
        for (int shard : replay.unprovenShards(transcriptAfter)) {
            startingSlices.put(shard, replay.provenSlices(transcriptAfter, shard));
            slices.put(shard, material.slices(version, shard));
        }
        List<ReplayOutcome> outcomes = replay.replay(transcriptAfter,
                shard -> shardMaterial(material, transcriptAfter.shards().get(shard), startingSlices.get(shard),
                        slices.get(shard)));
        Optional<ReplayEvidence> mismatch = ReplayEvidence.firstMismatch(outcomes);
        if (mismatch.isPresent()) {
            return ReplayRun.of(mismatch.get());
        }
        Optional<String> wrongData = trainedOnWhatTheRootLeavesOut(after, slices);
        if (wrongData.isPresent()) {
            return failed(wrongData.get());
        }
        String replayed = "every shard of version " + version + " replayed bit for bit to the recorded checkpoints"
                + replayedNow(startingSlices, transcriptAfter.shards().size());
        if (!served.equals(version)) {
            return ReplayRun.of(new ReplayEvidence(Layer.PASSED, replayed + "; the served version " + served
                    + " is a later one, so its answers were not compared", Optional.empty()));
        }
        importFinals(material, finals);
        SisaEnsemble model = SisaEnsemble.load(transcriptAfter.architecture(), finals, store);
        return new ReplayRun(new ReplayEvidence(Layer.PASSED, replayed, Optional.of(model::probabilities)),
                Optional.of(model));
    }

    /** Which shards this replay trained, from which slice; the others were proven by earlier ones. */
    private static String replayedNow(Map<Integer, Integer> startingSlices, int shards) {
        if (startingSlices.isEmpty()) {
            return ", all of them by earlier replays";
        }
        StringJoiner now = new StringJoiner(", ", ": ", " now");
        startingSlices.forEach((shard, slice) -> now.add("shard " + shard + " from slice " + slice));
        return now + (startingSlices.size() < shards ? ", the others by earlier replays" : "");
    }

    /**
     * The shard's slices and, when the replay starts after a proven prefix whose checkpoint the verifier no longer
     * keeps, the provider's copy of that checkpoint.
     */
    private ShardMaterial shardMaterial(ReplayMaterial material, ShardTranscript shard, int from,
                                        List<List<Sample>> slices) {
        if (from == 0 || Files.exists(store.file(shard.checkpoints().get(from - 1)))) {
            return new ShardMaterial(shard.shard(), slices, Optional.empty());
        }
        Bytes32 start = shard.checkpoints().get(from - 1);
        try {
            return new ShardMaterial(shard.shard(), slices, Optional.of(material.checkpoint(start)));
        } catch (IOException e) {
            throw new UncheckedIOException("the starting checkpoint " + start + " could not be had", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The subject's samples against every shard's sample set, before and after: a shard that held one must be among
     * those retrained (a deletion that leaves it untouched leaves the sample in its weights), and no shard may hold
     * one after. FAILED when the proofs show otherwise, UNDECIDED when a sample is proven neither way.
     */
    private Optional<ReplayRun> subjectLeftInAShard(ReplayMaterial material, Bytes32 beforeVersion,
                                                    TrainingTranscript before, Bytes32 afterVersion,
                                                    TrainingTranscript after, List<Integer> affected,
                                                    List<Bytes32> subjectSamples)
            throws IOException, InterruptedException {
        for (int shard = 0; shard < after.shards().size(); shard++) {
            int held = material.shardSet(beforeVersion, shard, subjectSamples, before.shards().get(shard).sampleSet())
                    .present();
            if (held > 0 && !affected.contains(shard)) {
                return Optional.of(failed("shard " + shard + " held " + held + " of the subject's samples and the "
                        + "deletion did not retrain it"));
            }
            TrainingSetQuery.Proven left = material.shardSet(afterVersion, shard, subjectSamples,
                    after.shards().get(shard).sampleSet());
            if (left.present() > 0) {
                return Optional.of(failed("shard " + shard + " still holds " + left.present() + " of the subject's "
                        + "samples"));
            }
            if (left.absent() != subjectSamples.size()) {
                return Optional.of(undecided("only " + left.absent() + " of the subject's " + subjectSamples.size()
                        + " samples are proven absent from shard " + shard));
            }
        }
        return Optional.empty();
    }

    /**
     * A replay that matched proves what the shards trained on; that must be in the recorded training set, whose
     * root the data layer's absence proofs rest on.
     */
    private Optional<String> trainedOnWhatTheRootLeavesOut(Checkpoint after, Map<Integer, List<List<Sample>>> slices)
            throws IOException, InterruptedException {
        for (var shard : slices.entrySet()) {
            List<Bytes32> trained = shard.getValue().stream().flatMap(List::stream).map(Sample::hash).toList();
            int present = modelService.trainingSet().prove(after.versionHash().toHex(), trained,
                    after.trainingSetRoot()).present();
            if (present != trained.size()) {
                return Optional.of("shard " + shard.getKey() + " was retrained on " + (trained.size() - present)
                        + " samples the version's training-set root on the ledger does not hold");
            }
        }
        return Optional.empty();
    }

    /** The final checkpoints the replay did not train, from the provider, each checked against its hash. */
    private void importFinals(ReplayMaterial material, List<Bytes32> finals) throws IOException, InterruptedException {
        for (Bytes32 checkpoint : finals) {
            if (Files.notExists(store.file(checkpoint))) {
                store.add(checkpoint, material.checkpoint(checkpoint));
            }
        }
    }

    private Checkpoint recorded(Bytes32 version) {
        return ledger.client().checkpoint(version).map(Recorded::value)
                .orElseThrow(() -> new IllegalStateException("version " + version + " is not on the ledger"));
    }

    private static ReplayRun failed(String detail) {
        return ReplayRun.of(new ReplayEvidence(Layer.FAILED, detail, Optional.empty()));
    }

    private static ReplayRun undecided(String detail) {
        return ReplayRun.of(new ReplayEvidence(Layer.UNDECIDED, detail, Optional.empty()));
    }
}
