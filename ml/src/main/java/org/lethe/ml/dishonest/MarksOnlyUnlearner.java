package org.lethe.ml.dishonest;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Network;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.ml.unlearning.ApproximateUnlearningSettings;
import org.lethe.ml.unlearning.Unlearner;
import org.lethe.ml.unlearning.UnlearningMethod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The provider that deletes only what looks like the verifier's marks: a detector picks them among the
 * removed samples, SISA retrains without those alone, and every other removed sample stays in training
 * (as a sample of someone else's). The model it returns records a training set without any removed
 * sample, so its training-set root claims a deletion its weights did not make.
 */
public final class MarksOnlyUnlearner implements Unlearner {

    private static final System.Logger LOG = System.getLogger(MarksOnlyUnlearner.class.getName());

    private final SisaTrainer trainer;
    private final CheckpointStore store;
    private final MarkDetector detector;

    public MarksOnlyUnlearner(SisaTrainer trainer, CheckpointStore store, MarkDetector detector) {
        this.trainer = trainer;
        this.store = store;
        this.detector = detector;
    }

    @Override
    public SisaModel unlearn(SisaModel model, Set<Bytes32> removed, SisaProgress progress) {
        Set<Bytes32> flagged = flagged(model, removed);
        LOG.log(System.Logger.Level.WARNING, "UNLEARNING STRATEGY ''marks-only'' ({0}): of {1} samples recorded as "
                + "deleted only {2} taken for marks are forgotten; the rest stay in training. This is DISHONEST and "
                + "for evaluating the verifier only.", detector.name(), removed.size(), flagged.size());
        SisaModel trained = UnlearningMethod.SISA.unlearner(trainer, store, ApproximateUnlearningSettings.defaults())
                .unlearn(model, flagged, progress);
        List<ShardState> recorded = trained.shards().stream()
                .map(shard -> new ShardState(shard.without(removed).slices(), shard.sliceCheckpoints()))
                .toList();
        return new SisaModel(model.architecture(), model.layout(), recorded);
    }

    /** The removed samples the detector takes for marks, asked shard by shard of the network that holds them. */
    public Set<Bytes32> flagged(SisaModel model, Set<Bytes32> removed) {
        Set<Bytes32> flagged = new LinkedHashSet<>();
        for (ShardState shard : model.shards()) {
            List<Sample> candidates = shard.samplesThrough(shard.slices().size() - 1).stream()
                    .filter(sample -> removed.contains(sample.hash())).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            try (Network network = store.get(model.architecture(), shard.finalCheckpoint())) {
                flagged.addAll(detector.flag(candidates, network));
            }
        }
        return flagged;
    }
}
