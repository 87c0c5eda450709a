package org.lethe.ml.sisa;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.merkle.SortedSetTree;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;

import java.util.List;

/**
 * A trained SISA model: its layout, architecture and every shard's slices and checkpoints. Values
 * only; the parameters live in a {@link CheckpointStore}.
 *
 * @param architecture the shards' network
 * @param layout       S and R
 * @param shards       the S shard states, in shard order
 */
public record SisaModel(Architecture architecture, SisaLayout layout, List<ShardState> shards) {

    public SisaModel {
        shards = List.copyOf(shards);
        if (shards.size() != layout.shards()) {
            throw new IllegalArgumentException(layout.shards() + " shards expected, got " + shards.size());
        }
    }

    /** SHA-256 over the shards' final parameter hashes, in shard order: the weights' identity. */
    public Bytes32 weightsHash() {
        return weightsHash(shards.stream().map(ShardState::finalCheckpoint).toList());
    }

    /** SHA-256 over the shards' final parameter hashes, in shard order. */
    public static Bytes32 weightsHash(List<Bytes32> finalCheckpoints) {
        return HashAlgorithm.SHA_256.hash(finalCheckpoints.toArray(Bytes32[]::new));
    }

    /** Every sample the model was trained on. */
    public List<Sample> trainingSet() {
        return shards.stream().flatMap(shard -> shard.slices().stream()).flatMap(List::stream).toList();
    }

    /**
     * Root of the sorted-set tree of the training set's sample hashes: it proves a hash present, and
     * (by its neighbours) absent, so a subject can check that a version was trained without their data.
     */
    public Bytes32 trainingSetRoot() {
        return SortedSetTree.of(trainingSet().stream().map(Sample::hash).toList()).root();
    }
}
