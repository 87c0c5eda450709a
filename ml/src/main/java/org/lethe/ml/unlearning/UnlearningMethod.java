package org.lethe.ml.unlearning;

import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.SisaTrainer;

/** How a provider makes its model forget; the names match the ledger's strategies. */
public enum UnlearningMethod {
    /** Exact: retrain each affected shard from the last slice checkpoint before the removed data. */
    SISA,
    /** Exact: retrain every shard from scratch without the removed data. */
    RETRAIN,
    /** Approximate: fine-tune each affected shard on its retained data. */
    FINETUNE,
    /** Approximate: gradient ascent on the removed data with a retain term. */
    GRADIENT_ASCENT,
    /** Non-compliant: a new version with the old weights, for evaluating the verifier only. */
    NONE;

    /** The unlearner that carries out this method. */
    public Unlearner unlearner(SisaTrainer trainer, CheckpointStore store, ApproximateUnlearningSettings approximate) {
        return switch (this) {
            case SISA -> new SisaUnlearner(trainer, false);
            case RETRAIN -> new SisaUnlearner(trainer, true);
            case FINETUNE -> new FinetuneUnlearner(trainer.settings(), store, approximate);
            case GRADIENT_ASCENT -> new GradientAscentUnlearner(trainer.settings(), store, approximate);
            case NONE -> new NoUnlearner();
        };
    }
}
