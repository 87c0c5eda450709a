package org.lethe.ml.sisa;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.NetworkTrainer;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.network.TrainingProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SISA training (Bourtoule et al., S&P 2021): the training set is split into S disjoint shards by
 * owner, each shard into R slices in arrival order; each shard is trained incrementally, at step r on
 * slices 0..r starting from the checkpoint of step r−1, and every step's parameters are kept.
 */
public final class SisaTrainer {

    /**
     * @param architecture  the shards' network
     * @param layout        S and R
     * @param sliceTraining training of one slice step (its epochs pass over slices 0..r)
     */
    public record Settings(Architecture architecture, SisaLayout layout, TrainingConfig sliceTraining) {
    }

    private final Settings settings;
    private final CheckpointStore store;

    public SisaTrainer(Settings settings, CheckpointStore store) {
        this.settings = settings;
        this.store = store;
    }

    public Settings settings() {
        return settings;
    }

    /** Trains every shard from scratch on the samples, given in arrival order. */
    public SisaModel train(List<OwnedSample> arrivals, SisaProgress progress) {
        List<List<List<Sample>>> partition = partition(arrivals, settings.layout());
        List<ShardState> shards = new ArrayList<>();
        for (int shard = 0; shard < partition.size(); shard++) {
            shards.add(trainShard(shard, partition.get(shard), 0, List.of(), progress));
        }
        return new SisaModel(settings.architecture(), settings.layout(), shards);
    }

    /**
     * Trains a shard's slices from {@code fromSlice} on, starting from the checkpoint of the slice before
     * it (or fresh weights from slice 0).
     *
     * @param keptCheckpoints the checkpoints of slices 0..fromSlice−1, reused as they are
     */
    public ShardState trainShard(int shard, List<List<Sample>> slices, int fromSlice, List<Bytes32> keptCheckpoints,
                          SisaProgress progress) {
        List<Bytes32> checkpoints = new ArrayList<>(keptCheckpoints.subList(0, fromSlice));
        Optional<Bytes32> start = fromSlice == 0 ? Optional.empty() : Optional.of(checkpoints.get(fromSlice - 1));
        try (Network network = start.map(hash -> store.get(settings.architecture(), hash))
                .orElseGet(() -> Network.create(settings.architecture(), shardSeed(shard)))) {
            for (int slice = fromSlice; slice < slices.size(); slice++) {
                NetworkTrainer.fit(network, ShardState.samplesThrough(slices, slice),
                        settings.sliceTraining().withSeed(shardSeed(shard) * 31 + slice), TrainingProgress.NONE);
                checkpoints.add(store.put(network));
                progress.sliceTrained(shard, slice);
            }
        }
        return new ShardState(slices, checkpoints);
    }

    /** Shards by owner, and each shard's samples cut into R slices of near-equal size in arrival order. */
    public static List<List<List<Sample>>> partition(List<OwnedSample> arrivals, SisaLayout layout) {
        List<List<Sample>> byShard = new ArrayList<>();
        for (int s = 0; s < layout.shards(); s++) {
            byShard.add(new ArrayList<>());
        }
        for (OwnedSample owned : arrivals) {
            byShard.get(owned.shard(layout.shards())).add(owned.sample());
        }
        List<List<List<Sample>>> partition = new ArrayList<>();
        for (List<Sample> shard : byShard) {
            List<List<Sample>> slices = new ArrayList<>();
            for (int r = 0; r < layout.slices(); r++) {
                int from = (int) ((long) r * shard.size() / layout.slices());
                int to = (int) ((long) (r + 1) * shard.size() / layout.slices());
                slices.add(List.copyOf(shard.subList(from, to)));
            }
            partition.add(slices);
        }
        return partition;
    }

    private long shardSeed(int shard) {
        return settings.sliceTraining().seed() * 1_000 + shard;
    }
}
