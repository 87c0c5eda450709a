package org.lethe.cli.bench;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.dishonest.ProviderStrategy;
import org.lethe.ml.replay.ProvenPrefixes;
import org.lethe.ml.replay.ReplayOutcome;
import org.lethe.ml.replay.ShardMaterial;
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
 * slices, from the provider's model) replayed into the verifier's own store against the version's training
 * transcript, from the prefixes the verifier proved when it replayed the version before the deletion
 * ({@link #proveVersion}). Only a deletion the provider claims as exact (sisa, retrain) is replayed. When every shard
 * replays to its recorded checkpoints, the replayed model (the verifier's shards, and any recorded weights it did
 * not train, copied to it) is kept open for the served model's answers to be compared with.
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

    /**
     * The verifier's first replay of a model: every shard of the version from its first slice, once, before any
     * deletion of it is replayed; what the deletions' replays then start from.
     *
     * @return the seconds it took
     * @throws IllegalStateException if the honestly trained version does not replay to itself
     */
    static double proveVersion(SisaModel version, SisaTrainer.Settings settings, CheckpointStore verifier,
                               ProvenPrefixes proven) {
        long start = System.nanoTime();
        Optional<ReplayEvidence> mismatch = ReplayEvidence.firstMismatch(new UnlearningReplay(verifier, proven)
                .replay(TrainingTranscript.of(version, settings), shard -> material(version, shard)));
        if (mismatch.isPresent()) {
            throw new IllegalStateException("the version trained with the marks does not replay to itself: "
                    + mismatch.get().detail());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static BenchReplay of(ProviderStrategy strategy, SisaModel after, SisaTrainer.Settings settings,
                          CheckpointStore provider, CheckpointStore verifier, ProvenPrefixes proven) {
        if (strategy.claimed() != UnlearningMethod.SISA && strategy.claimed() != UnlearningMethod.RETRAIN) {
            return new BenchReplay(ReplayEvidence.notRun(), Optional.empty(), "NOT_RUN", 0);
        }
        long start = System.nanoTime();
        List<ReplayOutcome> outcomes = new UnlearningReplay(verifier, proven).replay(
                TrainingTranscript.of(after, settings), shard -> material(after, shard));
        double seconds = (System.nanoTime() - start) / 1e9;
        Optional<ReplayEvidence> mismatch = ReplayEvidence.firstMismatch(outcomes);
        if (mismatch.isPresent()) {
            return new BenchReplay(mismatch.get(), Optional.empty(), mismatch.get().computation() == Layer.FAILED
                    ? ReplayOutcome.Result.DIFFERS.name() : ReplayOutcome.Result.REFUSED.name(), seconds);
        }
        copyRecordedFinals(after, provider, verifier);
        SisaEnsemble model = SisaEnsemble.load(after, verifier);
        return new BenchReplay(new ReplayEvidence(Layer.PASSED, outcomes.size() + " shards replayed to the recorded "
                + "checkpoints, the others proven before", Optional.of(model::probabilities)), Optional.of(model),
                "MATCHES", seconds);
    }

    /** The provider's material for a shard: the version's slices; the replay starts from the verifier's checkpoints. */
    private static ShardMaterial material(SisaModel version, int shard) {
        return new ShardMaterial(shard, version.shards().get(shard).slices(), Optional.empty());
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
