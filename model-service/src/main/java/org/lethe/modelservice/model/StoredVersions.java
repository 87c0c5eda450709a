package org.lethe.modelservice.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.sisa.ShardState;

import java.util.List;
import java.util.Optional;

/** Stored versions read back for their replay material. */
@ApplicationScoped
public class StoredVersions {

    private final TrainingData data;

    public StoredVersions(TrainingData data) {
        this.data = data;
    }

    /** The version's shards with their samples; empty once a sample it names has been deleted. */
    @Transactional
    public Optional<List<ShardState>> shards(ModelVersionEntity version) {
        try {
            return Optional.of(ModelLayoutCodec.decode(version.layout, data.catalog()).shards());
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
