package org.lethe.ml.replay;

import org.lethe.evidence.hash.Bytes32;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shard prefixes a verifier has trained itself to the recorded checkpoints ({@link TrainingTranscript#shardPrefix}).
 * A proven prefix's last checkpoint is what its committed samples give, so a later replay starts there instead of
 * from a checkpoint it would have to take on the provider's word, and a shard proven whole is not trained again.
 */
public interface ProvenPrefixes {

    boolean contains(Bytes32 prefix);

    void addAll(Collection<Bytes32> prefixes);

    /** Kept for this process only: what a one-off run (the bench) proves and forgets. */
    static ProvenPrefixes inProcess() {
        Set<Bytes32> proven = ConcurrentHashMap.newKeySet();
        return new ProvenPrefixes() {
            @Override
            public boolean contains(Bytes32 prefix) {
                return proven.contains(prefix);
            }

            @Override
            public void addAll(Collection<Bytes32> prefixes) {
                proven.addAll(prefixes);
            }
        };
    }
}
