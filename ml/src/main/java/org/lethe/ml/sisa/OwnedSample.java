package org.lethe.ml.sisa;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;

/**
 * A training sample and whoever owns it: a subject's id for contributed data, so that all of one
 * subject's samples land in one shard; for the provider's own data, the sample's hash.
 *
 * @param sample the sample
 * @param owner  the id that picks the shard
 */
public record OwnedSample(Sample sample, Bytes32 owner) {

    /** A sample of the provider's own data, spread over shards by its hash. */
    public static OwnedSample providers(Sample sample) {
        return new OwnedSample(sample, sample.hash());
    }

    /** The shard this sample belongs to: the owner id's first 8 bytes, unsigned, modulo S. */
    public int shard(int shards) {
        byte[] id = owner.toArray();
        long prefix = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            prefix = (prefix << 8) | (id[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(prefix, shards);
    }
}
