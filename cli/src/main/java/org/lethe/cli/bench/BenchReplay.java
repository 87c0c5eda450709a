package org.lethe.cli.bench;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.dishonest.ProviderStrategy;
import org.lethe.ml.replay.ReplayOutcome;
import org.lethe.ml.replay.ShardMaterial;
import org.lethe.ml.replay.ShardTranscript;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.replay.UnlearningReplay;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.ml.unlearning.UnlearningMethod;
import org.lethe.verifier.verification.Layer;
import org.lethe.verifier.verification.ReplayEvidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The verifier's replay of one recorded deletion, as the bench runs it: the provider's material (the new version's
 * slices and the starting checkpoint, from the provider's store) replayed into the verifier's own store against
 * both versions' training transcripts. Only a deletion the provider claims as exact (sisa, retrain) is replayed.
 * When every shard replays to its recorded checkpoints, the replayed model (those shards, and the others' recorded
 * weights, copied to the verifier) is kept open for the served model's answers to be compared with.
 */
final class BenchReplay implements AutoCloseable {

    private final ReplayEvidence evidence;
    private final Optional<SisaEnsemble> replayed;
    private final String result;
    private final double seconds;

    private BenchReplay(ReplayEvidence evidence, Optional<SisaEnsemble> replayed, String result, double seconds) {
        this.evidence = evidence;
        this.replayed = replayed;
        this.result = result;
        this.seconds = seconds;
    }

    static BenchReplay of(ProviderStrategy strategy, SisaModel before, SisaModel after, SisaTrainer.Settings settings,
                          CheckpointStore provider, CheckpointStore verifier) {
        if (strategy.claimed() != UnlearningMethod.SISA && strategy.claimed() != UnlearningMethod.RETRAIN) {
            return new BenchReplay(ReplayEvidence.notRun(), Optional.empty(), "NOT_RUN", 0);
        }
        TrainingTranscript transcriptBefore = TrainingTranscript.of(before, settings);
        TrainingTranscript transcriptAfter = TrainingTranscript.of(after, settings);
        long start = System.nanoTime();
        List<ReplayOutcome> outcomes = new UnlearningReplay(verifier).replay(transcriptBefore, transcriptAfter,
                shard -> material(transcriptBefore.shards().get(shard), transcriptAfter.shards().get(shard),
                        after.shards().get(shard), provider));
        double seconds = (System.nanoTime() - start) / 1e9;
        Optional<ReplayEvidence> mismatch = ReplayEvidence.firstMismatch(outcomes);
        if (mismatch.isPresent()) {
            return new BenchReplay(mismatch.get(), Optional.empty(), mismatch.get().computation() == Layer.FAILED
                    ? ReplayOutcome.Result.DIFFERS.name() : ReplayOutcome.Result.REFUSED.name(), seconds);
        }
        copyRecordedFinals(after, provider, verifier);
        SisaEnsemble model = SisaEnsemble.load(after, verifier);
        return new BenchReplay(new ReplayEvidence(Layer.PASSED, outcomes.size() + " retrained shards replayed to the "
                + "recorded checkpoints", Optional.of(model::probabilities)), Optional.of(model), "MATCHES", seconds);
    }

    /** The provider's material for a shard: the new version's slices and the checkpoint retraining started from. */
    private static ShardMaterial material(ShardTranscript before, ShardTranscript after, ShardState recorded,
                                          CheckpointStore provider) {
        int from = UnlearningReplay.firstChangedSlice(before, after);
        return new ShardMaterial(after.shard(), recorded.slices(), from == 0 ? Optional.empty()
                : Optional.of(parameters(provider, recorded.sliceCheckpoints().get(from - 1))));
    }

    /** The shards' final weights the replay did not produce, as the provider hands them for the comparison. */
    private static void copyRecordedFinals(SisaModel after, CheckpointStore provider, CheckpointStore verifier) {
        for (Bytes32 checkpoint : after.shards().stream().map(ShardState::finalCheckpoint).toList()) {
            if (Files.notExists(verifier.file(checkpoint))) {
                verifier.add(checkpoint, parameters(provider, checkpoint));
            }
        }
    }

    private static byte[] parameters(CheckpointStore store, Bytes32 checkpoint) {
        try {
            return Files.readAllBytes(store.file(checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the provider's checkpoint " + checkpoint, e);
        }
    }

    ReplayEvidence evidence() {
        return evidence;
    }

    /** MATCHES, DIFFERS, REFUSED, or NOT_RUN for a deletion not claimed as exact. */
    String result() {
        return result;
    }

    double seconds() {
        return seconds;
    }

    @Override
    public void close() {
        replayed.ifPresent(SisaEnsemble::close);
    }
}
