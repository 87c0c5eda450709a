package org.lethe.ml.replay;

import org.lethe.ml.data.Sample;

import java.util.List;
import java.util.Optional;

/**
 * What the provider hands the verifier to replay one shard: every slice's samples as the new version trained
 * them, and the parameter file of the checkpoint the retraining started from (none when it started from the
 * shard's initial weights). The replay trusts none of it: each part must match the committed transcripts.
 *
 * @param shard           the shard
 * @param slices          the shard's slices in the new version, in training order
 * @param startCheckpoint the bytes of the parameter file retraining started from
 */
public record ShardMaterial(int shard, List<List<Sample>> slices, Optional<byte[]> startCheckpoint) {

    public ShardMaterial {
        slices = slices.stream().map(List::copyOf).toList();
    }
}
