package org.lethe.verifier.verification;

import org.lethe.ml.replay.ReplayOutcome;
import org.lethe.verifier.oracle.ModelOracle;

import java.util.List;
import java.util.Optional;

/**
 * What a replay of the unlearning found, for a verification to weigh: whether the recorded weights came out of
 * the recorded data (the computation layer), and the replayed model itself, whose answers the served model's
 * must equal (the serving layer).
 *
 * @param computation   PASSED when every replayed shard gave the recorded checkpoints, FAILED when one gave
 *                      others, UNDECIDED when the material was refused, NOT_CHECKED when no replay was run
 * @param detail        what the replay found, in one sentence
 * @param replayedModel the recorded version as replayed (and its other shards as recorded), when it was run
 */
public record ReplayEvidence(Layer computation, String detail, Optional<ModelOracle> replayedModel) {

    public static ReplayEvidence notRun() {
        return new ReplayEvidence(Layer.NOT_CHECKED, "no replay was run", Optional.empty());
    }

    /**
     * The first shard that did not replay to its recorded checkpoints: FAILED when it gave other weights (the
     * version was not trained on what its transcript claims), UNDECIDED when its material was refused; empty when
     * every shard matched.
     */
    public static Optional<ReplayEvidence> firstMismatch(List<ReplayOutcome> outcomes) {
        return outcomes.stream().filter(outcome -> outcome.result() != ReplayOutcome.Result.MATCHES).findFirst()
                .map(outcome -> new ReplayEvidence(outcome.result() == ReplayOutcome.Result.DIFFERS ? Layer.FAILED
                        : Layer.UNDECIDED, "shard " + outcome.shard() + ": " + outcome.detail(), Optional.empty()));
    }
}
