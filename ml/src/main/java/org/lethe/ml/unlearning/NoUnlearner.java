package org.lethe.ml.unlearning;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;

import java.util.List;
import java.util.Set;

/**
 * The lazy, non-compliant provider: drops the removed samples from the recorded training set but keeps
 * every weight. It exists so that the verifier can be shown to catch it.
 */
final class NoUnlearner implements Unlearner {

    private static final System.Logger LOG = System.getLogger(NoUnlearner.class.getName());

    @Override
    public SisaModel unlearn(SisaModel model, Set<Bytes32> removed, SisaProgress progress) {
        LOG.log(System.Logger.Level.WARNING, "UNLEARNING STRATEGY ''none'': {0} samples are recorded as deleted but the "
                + "model keeps every weight. This is NON-COMPLIANT and for evaluating the verifier only.", removed.size());
        List<ShardState> shards = model.shards().stream()
                .map(state -> new ShardState(state.without(removed).slices(), state.sliceCheckpoints()))
                .toList();
        return new SisaModel(model.architecture(), model.layout(), shards);
    }
}
