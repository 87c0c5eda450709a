package org.lethe.modelservice.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.unlearning.UnlearningMethod;

import java.util.Optional;

/** The model the provider trains and serves, and how it forgets. */
@ConfigMapping(prefix = "lethe.model")
public interface ModelSettings {

    /** Name of the model; its ledger id is SHA-256 of {@code "lethe-model:" + name}. */
    String name();

    Architecture architecture();

    /** S: SISA shards (1 = a monolithic model). */
    int shards();

    /** R: slices per shard. */
    int slices();

    /** Epochs of each slice step. */
    int epochsPerSlice();

    long seed();

    /** The provider's own training data: the first this many Fashion-MNIST training images. */
    int baseSamples();

    /** Where parameter files live; default {@code $LETHE_DATA_DIR/model-service/checkpoints}. */
    Optional<String> checkpointDirectory();

    /** How deletions are executed: sisa, retrain, finetune, gradient-ascent or none (evaluation only). */
    @WithDefault("sisa")
    String unlearningStrategy();

    /** The configured strategy as the ml module names it. */
    default UnlearningMethod unlearningMethod() {
        return UnlearningMethod.valueOf(unlearningStrategy().trim().toUpperCase().replace('-', '_'));
    }
}
