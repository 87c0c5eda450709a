package org.lethe.ml.unlearning;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Network;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Approximate unlearning: adjusts each affected shard's final network instead of retraining it. The
 * slice checkpoints from the first touched slice on held the removed data, so they are replaced by
 * the adjusted network: a later exact deletion never restarts from them.
 */
abstract class ApproximateUnlearner implements Unlearner {

    private final SisaTrainer.Settings settings;
    private final CheckpointStore store;

    ApproximateUnlearner(SisaTrainer.Settings settings, CheckpointStore store) {
        this.settings = settings;
        this.store = store;
    }

    /** Changes the network so that it forgets {@code removed} while keeping {@code retained}. */
    abstract void adjust(Network network, List<Sample> removed, List<Sample> retained, long seed);

    @Override
    public SisaModel unlearn(SisaModel model, Set<Bytes32> removed, SisaProgress progress) {
        List<ShardState> shards = new ArrayList<>();
        for (int shard = 0; shard < model.shards().size(); shard++) {
            ShardState state = model.shards().get(shard);
            var filtered = state.without(removed);
            if (filtered.firstTouched().isEmpty()) {
                shards.add(state);
                continue;
            }
            List<Sample> forgotten = state.samplesThrough(state.slices().size() - 1).stream()
                    .filter(sample -> removed.contains(sample.hash())).toList();
            List<Sample> retained = filtered.slices().stream().flatMap(List::stream).toList();
            Bytes32 adjusted;
            try (Network network = store.get(settings.architecture(), state.finalCheckpoint())) {
                adjust(network, forgotten, retained, settings.sliceTraining().seed() * 1_000 + shard);
                adjusted = store.put(network);
            }
            int from = filtered.firstTouched().getAsInt();
            List<Bytes32> checkpoints = new ArrayList<>(state.sliceCheckpoints().subList(0, from));
            while (checkpoints.size() < state.sliceCheckpoints().size()) {
                checkpoints.add(adjusted);
            }
            shards.add(new ShardState(filtered.slices(), checkpoints));
            progress.sliceTrained(shard, state.slices().size() - 1);
        }
        return new SisaModel(model.architecture(), model.layout(), shards);
    }

    SisaTrainer.Settings settings() {
        return settings;
    }
}
