package org.lethe.ml.replay;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.network.TamperedParametersException;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Replays an exact (SISA) unlearning and checks that it gives the recorded weights bit for bit. The shards whose
 * transcript changed between the version before the deletion and the version after are retrained, each from the
 * first slice that changed, starting from the checkpoint both transcripts commit to before it, on the samples
 * the new transcript commits to, with the committed configuration, into the verifier's own checkpoint store.
 * Training is bit-for-bit repeatable for a fixed seed and thread count, so a provider that trained on anything
 * other than what its transcript claims fails with certainty.
 */
public final class UnlearningReplay {

    private final CheckpointStore verifierStore;

    /** @param verifierStore where the replay keeps the checkpoints it imports and trains */
    public UnlearningReplay(CheckpointStore verifierStore) {
        this.verifierStore = verifierStore;
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

    /**
     * Replays every affected shard.
     *
     * @param material the provider's material for a shard
     * @throws IllegalArgumentException when the two transcripts are not of one model (configuration or layout differ)
     */
    public List<ReplayOutcome> replay(TrainingTranscript before, TrainingTranscript after,
                                      IntFunction<ShardMaterial> material) {
        if (!before.settings().equals(after.settings())) {
            throw new IllegalArgumentException("the versions were trained with other settings: " + before.settings()
                    + " and " + after.settings());
        }
        List<ReplayOutcome> outcomes = new ArrayList<>();
        for (int shard : affectedShards(before, after)) {
            ShardTranscript changed = after.shards().get(shard);
            outcomes.add(replayShard(changed, firstChangedSlice(before.shards().get(shard), changed), after.settings(),
                    material.apply(shard)));
        }
        return outcomes;
    }

    /**
     * Replays one shard's whole training, from its initial weights, against a version's transcript: a spot check of a
     * shard a deletion did not touch, whose transcript could otherwise claim other data than it trained on since
     * its first training.
     */
    public ReplayOutcome replayWhole(TrainingTranscript version, int shard, ShardMaterial material) {
        return replayShard(version.shards().get(shard), 0, version.settings(), material);
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

    /** The first slice whose samples or checkpoint changed; the slices before it must be kept as they were. */
    public static int firstChangedSlice(ShardTranscript before, ShardTranscript after) {
        int slice = 0;
        while (slice < after.checkpoints().size() && before.sliceDigests().get(slice).equals(after.sliceDigests().get(slice))
                && before.checkpoints().get(slice).equals(after.checkpoints().get(slice))) {
            slice++;
        }
        return slice;
    }

    /**
     * Keeps the starting checkpoint in the verifier's store once it hashes to what the transcripts commit to
     * before the first changed slice (the same in both: the slices before it did not change).
     */
    private Optional<ReplayOutcome> importStart(ShardTranscript after, int from, ShardMaterial material) {
        if (from == 0) {
            return Optional.empty();
        }
        Bytes32 committed = after.checkpoints().get(from - 1);
        if (material.startCheckpoint().isEmpty()) {
            return Optional.of(refused(after.shard(), "no starting checkpoint for slice " + from));
        }
        try {
            verifierStore.add(committed, material.startCheckpoint().get());
            return Optional.empty();
        } catch (TamperedParametersException e) {
            return Optional.of(refused(after.shard(), "the starting checkpoint hashes to " + e.actual() + "; both "
                    + "transcripts commit to " + committed + " before slice " + from));
        }
    }

    private static ReplayOutcome refused(int shard, String detail) {
        return new ReplayOutcome(shard, ReplayOutcome.Result.REFUSED, detail);
    }
}
