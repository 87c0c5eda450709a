package org.lethe.modelservice.model;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.lethe.ml.dishonest.MarkDetector;
import org.lethe.ml.dishonest.MarkDetectorKind;
import org.lethe.ml.network.TrainingConfig;

import java.util.Optional;

/**
 * The detector the evaluation-only {@code marks-only} strategy drops samples by, built from the provider's
 * own images when first needed ({@code label-disagreement} trains a model on them) and kept.
 */
@ApplicationScoped
public class MarkDetectors {

    private final ModelSettings settings;
    private final TrainingData data;
    private Optional<MarkDetector> built = Optional.empty();

    public MarkDetectors(ModelSettings settings, TrainingData data) {
        this.settings = settings;
        this.data = data;
    }

    /** Refuses to start with a detector no strategy could use. */
    void checkAtStart(@Observes StartupEvent start) {
        kind();
    }

    /**
     * @throws IllegalStateException when the provider has no images of its own
     */
    public synchronized MarkDetector configured() {
        if (data.providersOwn().isEmpty()) {
            throw new IllegalStateException("marks-only detects marks against the provider's own images; "
                    + "lethe.model.base-samples is 0");
        }
        if (built.isEmpty()) {
            built = Optional.of(kind().build(data.providersOwn(), settings.architecture(),
                    TrainingConfig.defaults(settings.epochsPerSlice(), settings.seed())));
        }
        return built.get();
    }

    private MarkDetectorKind kind() {
        try {
            return MarkDetectorKind.named(settings.dishonest().markDetector());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lethe.model.dishonest.mark-detector: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    synchronized void close() {
        built.filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).ifPresent(detector -> {
            try {
                detector.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the mark detector failed", e);
            }
        });
    }
}
