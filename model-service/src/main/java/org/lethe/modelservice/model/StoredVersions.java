package org.lethe.modelservice.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;

import java.util.List;
import java.util.Optional;

/** Stored versions read back for their replay material. */
@ApplicationScoped
public class StoredVersions {

    private final TrainingData data;

    public StoredVersions(TrainingData data) {
        this.data = data;
    }

    /**
     * One shard's slices with their samples, reading only that shard's samples; empty once a sample it names has
     * been deleted.
     */
    @Transactional
    public Optional<List<List<Sample>>> shardSlices(ModelVersionEntity version, int shard) {
        try {
            return Optional.of(ModelLayoutCodec.shardSlices(version.layout, shard,
                    data.catalog(shardSampleHashes(version).get(shard))));
        } catch (IllegalStateException deleted) {
            return Optional.empty();
        }
    }

    /** The sample hashes of each of the version's shards (those deleted since included). */
    public List<List<Bytes32>> shardSampleHashes(ModelVersionEntity version) {
        return ModelLayoutCodec.shardSampleHashes(version.layout);
    }

    /** Whether a stored version's layout names the checkpoint: no other file is handed out. */
    @Transactional
    public boolean namesCheckpoint(Bytes32 checkpoint) {
        return ModelVersionEntity.count("layout like ?1", "%\"" + checkpoint.toHex() + "\"%") > 0;
    }
}
