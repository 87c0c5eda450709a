package org.lethe.ml.replay;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaTrainer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a version's training commits to: the network, the layout, the per-slice training configuration (its
 * seed fixes every shard's initial weights and sample order) and each shard's {@link ShardTranscript}. Its
 * {@link #root()} is recorded with the version, so the provider cannot later hand a replay other samples,
 * another starting checkpoint or another configuration than the ones it trained with.
 *
 * @param architecture  the shards' network
 * @param layout        S and R
 * @param sliceTraining the training of one slice step, seed included
 * @param shards        the S shard transcripts, in shard order
 */
public record TrainingTranscript(Architecture architecture, SisaLayout layout, TrainingConfig sliceTraining,
                                 List<ShardTranscript> shards) {

    private static final byte[] DOMAIN = "lethe-training-transcript/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREFIX_DOMAIN = "lethe-shard-prefix/1".getBytes(StandardCharsets.US_ASCII);

    public TrainingTranscript {
        shards = List.copyOf(shards);
        if (shards.size() != layout.shards()) {
            throw new IllegalArgumentException(layout.shards() + " shard transcripts expected, got " + shards.size());
        }
        for (int shard = 0; shard < shards.size(); shard++) {
            if (shards.get(shard).shard() != shard || shards.get(shard).checkpoints().size() != layout.slices()) {
                throw new IllegalArgumentException("shard transcript " + shard + " names shard " + shards.get(shard).shard()
                        + " with " + shards.get(shard).checkpoints().size() + " slices; " + layout.slices() + " expected");
            }
        }
    }

    /** The transcript of a trained model, under the settings it was trained with. */
    public static TrainingTranscript of(SisaModel model, SisaTrainer.Settings settings) {
        List<ShardTranscript> shards = new ArrayList<>();
        for (int shard = 0; shard < model.shards().size(); shard++) {
            shards.add(ShardTranscript.of(shard, model.shards().get(shard)));
        }
        return new TrainingTranscript(settings.architecture(), settings.layout(), settings.sliceTraining(), shards);
    }

    /** Each shard's last checkpoint, in shard order: the weights the version serves. */
    public List<Bytes32> finalCheckpoints() {
        return shards.stream().map(shard -> shard.checkpoints().get(shard.checkpoints().size() - 1)).toList();
    }

    /** The weights hash these final checkpoints make. */
    public Bytes32 weightsHash() {
        return SisaModel.weightsHash(finalCheckpoints());
    }

    /** The settings a replay trains with: exactly the committed ones. */
    public SisaTrainer.Settings settings() {
        return new SisaTrainer.Settings(architecture, layout, sliceTraining);
    }

    /** SHA-256 of the domain, the configuration and every shard's leaf in order: what goes on the ledger. */
    public Bytes32 root() {
        List<byte[]> parts = new ArrayList<>(List.of(configuration()));
        shards.forEach(shard -> parts.add(shard.leaf().toArray()));
        return HashAlgorithm.SHA_256.hash(parts.toArray(byte[][]::new));
    }

    /**
     * What a shard's first {@code slices} slices commit to under this configuration: SHA-256 of a domain of its
     * own, the configuration, the shard, the count, and each of those slices' digest and checkpoint. Equal prefixes
     * are the same training, whichever version records them, so a replay that proved one proved it for all.
     */
    public Bytes32 shardPrefix(int shard, int slices) {
        ShardTranscript transcript = shards.get(shard);
        if (slices < 1 || slices > transcript.checkpoints().size()) {
            throw new IllegalArgumentException("a prefix of shard " + shard + " has 1 to "
                    + transcript.checkpoints().size() + " slices, not " + slices);
        }
        List<byte[]> parts = new ArrayList<>(List.of(PREFIX_DOMAIN, configuration(),
                ByteBuffer.allocate(2 * Integer.BYTES).putInt(shard).putInt(slices).array()));
        for (int slice = 0; slice < slices; slice++) {
            parts.add(transcript.sliceDigests().get(slice).toArray());
            parts.add(transcript.checkpoints().get(slice).toArray());
        }
        return HashAlgorithm.SHA_256.hash(parts.toArray(byte[][]::new));
    }

    private byte[] configuration() {
        byte[] name = architecture.name().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(DOMAIN.length + Integer.BYTES + name.length + 5 * Integer.BYTES
                        + 2 * Float.BYTES + Long.BYTES)
                .put(DOMAIN).putInt(name.length).put(name).putInt(layout.shards()).putInt(layout.slices())
                .putInt(sliceTraining.epochs()).putInt(sliceTraining.batchSize())
                .putFloat(sliceTraining.learningRate()).putFloat(sliceTraining.labelSmoothing())
                .putLong(sliceTraining.seed()).putInt(shards.size()).array();
    }
}
