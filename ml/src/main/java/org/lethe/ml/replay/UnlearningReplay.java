package org.lethe.ml.replay;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.network.TamperedParametersException;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Replays a recorded version's training and checks that it gives the recorded checkpoints bit for bit. Every shard
 * is trained from its longest prefix the verifier has already proven ({@link ProvenPrefixes}), starting from the
 * verifier's own checkpoint (or from the shard's initial weights when none is proven), on the samples the version's
 * transcript commits to, with the committed configuration, into the verifier's own store; a shard proven whole is
 * not trained again. After an exact (SISA) deletion of a version already proven that is exactly the retraining
 * the deletion did: the changed shards from their first changed slice. Training is bit-for-bit repeatable for a
 * fixed seed and thread count, so a provider that trained any shard on anything other than what its transcript
 * claims, at any time since that shard's first slice, fails with certainty.
 */
public final class UnlearningReplay {

    private final CheckpointStore verifierStore;
    private final ProvenPrefixes proven;

    /**
     * @param verifierStore where the replay keeps the checkpoints it trains (and any it must import)
     * @param proven        the prefixes the verifier proved before; what this replay proves is added
     */
    public UnlearningReplay(CheckpointStore verifierStore, ProvenPrefixes proven) {
        this.verifierStore = verifierStore;
        this.proven = proven;
    }

    /** The shards whose transcript changed: those an exact deletion retrained, and those a lie touched. */
    public static List<Integer> affectedShards(TrainingTranscript before, TrainingTranscript after) {
        List<Integer> affected = new ArrayList<>();
        for (int shard = 0; shard < after.shards().size(); shard++) {
            if (!before.shards().get(shard).leaf().equals(after.shards().get(shard).leaf())) {
                affected.add(shard);
            }
        }
        return affected;
    }

    /** How many of the shard's first slices are proven: the replay of that shard starts at this slice. */
    public int provenSlices(TrainingTranscript version, int shard) {
        for (int slices = version.layout().slices(); slices > 0; slices--) {
            if (proven.contains(version.shardPrefix(shard, slices))) {
                return slices;
            }
        }
        return 0;
    }

    /** The shards not proven whole, in shard order: those {@link #replay} trains. */
    public List<Integer> unprovenShards(TrainingTranscript version) {
        List<Integer> unproven = new ArrayList<>();
        for (int shard = 0; shard < version.shards().size(); shard++) {
            if (provenSlices(version, shard) < version.layout().slices()) {
                unproven.add(shard);
            }
        }
        return unproven;
    }

    /**
     * Replays every shard of the version not yet proven whole, each from its longest proven prefix, and proves the
     * prefixes of each shard that matches.
     *
     * @param material the provider's material for a shard; asked only for the shards replayed
     */
    public List<ReplayOutcome> replay(TrainingTranscript version, IntFunction<ShardMaterial> material) {
        List<ReplayOutcome> outcomes = new ArrayList<>();
        for (int shard : unprovenShards(version)) {
            int from = provenSlices(version, shard);
            ReplayOutcome outcome = replayShard(version.shards().get(shard), from, version.settings(),
                    material.apply(shard));
            outcomes.add(outcome);
            if (outcome.result() == ReplayOutcome.Result.MATCHES) {
                List<Bytes32> prefixes = new ArrayList<>();
                for (int slices = from + 1; slices <= version.layout().slices(); slices++) {
                    prefixes.add(version.shardPrefix(shard, slices));
                }
                proven.addAll(prefixes);
            }
        }
        return outcomes;
    }

    private ReplayOutcome replayShard(ShardTranscript after, int from, SisaTrainer.Settings settings,
                                      ShardMaterial material) {
        int shard = after.shard();
        if (material.shard() != shard || material.slices().size() != after.sliceDigests().size()) {
            return refused(shard, "the material is for shard " + material.shard() + " with " + material.slices().size()
                    + " slices, not shard " + shard + " with " + after.sliceDigests().size());
        }
        for (int slice = 0; slice < material.slices().size(); slice++) {
            Bytes32 digest = ShardTranscript.sliceDigest(material.slices().get(slice));
            if (!digest.equals(after.sliceDigests().get(slice))) {
                return refused(shard, "slice " + slice + "'s samples digest to " + digest + ", the transcript commits to "
                        + after.sliceDigests().get(slice));
            }
        }
        Bytes32 sampleSet = ShardTranscript.sampleSet(material.slices());
        if (!sampleSet.equals(after.sampleSet())) {
            return refused(shard, "the slices' samples make the set " + sampleSet + ", the transcript commits to "
                    + after.sampleSet());
        }
        Optional<ReplayOutcome> start = importStart(after, from, material);
        if (start.isPresent()) {
            return start.get();
        }
        ShardState replayed = new SisaTrainer(settings, verifierStore).trainShard(shard, material.slices(), from,
                after.checkpoints().subList(0, from), SisaProgress.NONE);
        for (int slice = from; slice < after.checkpoints().size(); slice++) {
            if (!replayed.sliceCheckpoints().get(slice).equals(after.checkpoints().get(slice))) {
                return new ReplayOutcome(shard, ReplayOutcome.Result.DIFFERS, "slice " + slice + " replays to "
                        + replayed.sliceCheckpoints().get(slice) + ", the version records " + after.checkpoints().get(slice));
            }
        }
        return new ReplayOutcome(shard, ReplayOutcome.Result.MATCHES, "slices " + from + "–"
                + (after.checkpoints().size() - 1) + " replayed to the recorded checkpoints");
    }

    /**
     * The checkpoint a replay from a proven prefix starts from: the verifier's own, trained when it proved the
     * prefix; where that file is gone, the provider's copy, once it hashes to what the prefix commits to.
     */
    private Optional<ReplayOutcome> importStart(ShardTranscript after, int from, ShardMaterial material) {
        if (from == 0) {
            return Optional.empty();
        }
        Bytes32 committed = after.checkpoints().get(from - 1);
        if (Files.exists(verifierStore.file(committed))) {
            return Optional.empty();
        }
        if (material.startCheckpoint().isEmpty()) {
            return Optional.of(refused(after.shard(), "no starting checkpoint for slice " + from));
        }
        try {
            verifierStore.add(committed, material.startCheckpoint().get());
            return Optional.empty();
        } catch (TamperedParametersException e) {
            return Optional.of(refused(after.shard(), "the starting checkpoint hashes to " + e.actual() + "; the "
                    + "transcript commits to " + committed + " before slice " + from));
        }
    }

    private static ReplayOutcome refused(int shard, String detail) {
        return new ReplayOutcome(shard, ReplayOutcome.Result.REFUSED, detail);
    }
}
