package org.lethe.verifier.verification;

import org.lethe.verifier.oracle.ModelOracle;

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
}
