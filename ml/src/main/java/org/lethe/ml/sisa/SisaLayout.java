package org.lethe.ml.sisa;

/**
 * How SISA splits a training set: S disjoint shards, each cut into R slices in arrival order.
 * S = 1 is a monolithic model trained by the same code.
 *
 * @param shards S, the number of independently trained models the ensemble averages
 * @param slices R, the number of checkpointed increments per shard
 */
public record SisaLayout(int shards, int slices) {
    public SisaLayout {
        if (shards < 1 || slices < 1) {
            throw new IllegalArgumentException("shards and slices must be at least 1, got " + shards + " and " + slices);
        }
    }
}
