package org.lethe.modelservice.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.dishonest.ProviderStrategy;
import org.lethe.ml.dishonest.QueryFilter;

import java.time.Duration;
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

    /**
     * How often a version loaded at start asks the ledger again while its record does not confirm it yet (read by
     * the scheduler's expression).
     */
    Duration ledgerRecheckInterval();

    /** Where parameter files live; default {@code $LETHE_DATA_DIR/model-service/checkpoints}. */
    Optional<String> checkpointDirectory();

    /**
     * How deletions are executed: sisa, retrain, finetune, gradient-ascent; or, to evaluate the verifier only,
     * none, marks-only, filtered or stale.
     */
    @WithDefault("sisa")
    String unlearningStrategy();

    /** How the dishonest evaluation strategies cheat. */
    Dishonest dishonest();

    /** The settings of the evaluation-only strategies that keep data and claim {@code sisa}. */
    interface Dishonest {

        /** What {@code filtered} serves every query through: median:W, mean:W, noise:SIGMA or quantise:BITS. */
        @WithDefault("median:3")
        String queryFilter();

        /** What {@code marks-only} drops samples by: bright-background, label-disagreement or spectral-signature. */
        @WithDefault("bright-background")
        String markDetector();
    }

    /**
     * The configured strategy.
     *
     * @throws IllegalArgumentException for an unknown strategy or a query filter that cannot run
     */
    default ProviderStrategy providerStrategy() {
        return ProviderStrategy.named(unlearningStrategy(), queryFilter());
    }

    /** The filter {@code filtered} serves through, its noise seeded by the model's seed. */
    default QueryFilter queryFilter() {
        return QueryFilter.parse(dishonest().queryFilter(), seed());
    }
}
