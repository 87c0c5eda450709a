package org.lethe.ml.replay;

/**
 * How the replay of one shard ended.
 *
 * @param shard  the shard replayed
 * @param result whether the recorded checkpoints came out, or where they did not, or why the material was refused
 * @param detail one sentence for the certificate
 */
public record ReplayOutcome(int shard, Result result, String detail) {

    public enum Result {
        /** Every recorded checkpoint from the first retrained slice on came out bit for bit. */
        MATCHES,
        /** The recorded data and starting checkpoint give other weights: the version was trained on something else. */
        DIFFERS,
        /** The material does not match what the transcripts commit to; nothing was replayed. */
        REFUSED
    }
}
