package org.lethe.ml.unlearning;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Exact unlearning by retraining. SISA retrains only the shards that held removed samples, from the
 * checkpoint before the first slice that held one; full retraining starts every shard from scratch.
 */
final class SisaUnlearner implements Unlearner {

    private final SisaTrainer trainer;
    private final boolean fromScratch;

    SisaUnlearner(SisaTrainer trainer, boolean fromScratch) {
        this.trainer = trainer;
        this.fromScratch = fromScratch;
    }

    @Override
    public SisaModel unlearn(SisaModel model, Set<Bytes32> removed, SisaProgress progress) {
        List<ShardState> shards = new ArrayList<>();
        for (int shard = 0; shard < model.shards().size(); shard++) {
            ShardState state = model.shards().get(shard);
            var filtered = state.without(removed);
            if (fromScratch) {
                shards.add(trainer.trainShard(shard, filtered.slices(), 0, List.of(), progress));
            } else if (filtered.firstTouched().isPresent()) {
                int from = filtered.firstTouched().getAsInt();
                shards.add(trainer.trainShard(shard, filtered.slices(), from, state.sliceCheckpoints(), progress));
            } else {
                shards.add(state);
            }
        }
        return new SisaModel(model.architecture(), model.layout(), shards);
    }
}
