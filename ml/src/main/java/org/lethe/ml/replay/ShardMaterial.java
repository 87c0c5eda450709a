package org.lethe.ml.replay;

import org.lethe.ml.data.Sample;

import java.util.List;
import java.util.Optional;

/**
 * What the provider hands the verifier to replay one shard: every slice's samples as the version trained them,
 * and, where the replay starts from a proven prefix whose checkpoint file the verifier no longer keeps, the
 * provider's copy of that file. The replay trusts none of it: each part must match the committed transcript.
 *
 * @param shard           the shard
 * @param slices          the shard's slices in the version, in training order
 * @param startCheckpoint the bytes of the parameter file the replay starts from, when the verifier's own is gone
 */
public record ShardMaterial(int shard, List<List<Sample>> slices, Optional<byte[]> startCheckpoint) {

    public ShardMaterial {
        slices = slices.stream().map(List::copyOf).toList();
    }
}
