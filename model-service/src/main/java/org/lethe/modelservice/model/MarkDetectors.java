package org.lethe.modelservice.model;

import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.lethe.ml.dishonest.BrightBackgroundDetector;
import org.lethe.ml.dishonest.LabelDisagreementDetector;
import org.lethe.ml.dishonest.MarkDetector;
import org.lethe.ml.dishonest.SpectralSignatureDetector;
import org.lethe.ml.network.TrainingConfig;

import java.util.List;
import java.util.Optional;

/**
 * The detector the evaluation-only {@code marks-only} strategy drops samples by, built from the provider's
 * own images when first needed ({@code label-disagreement} trains a model on them).
 */
@ApplicationScoped
public class MarkDetectors {

    /** The detectors {@code lethe.model.dishonest.mark-detector} may name. */
    static final List<String> NAMES = List.of("bright-background", "label-disagreement", "spectral-signature");

    /** The spectral detector flags this share of the provider's own images of a label. */
    private static final double SPECTRAL_FALSE_POSITIVE_RATE = 0.05;

    private final ModelSettings settings;
    private final TrainingData data;
    private Optional<LabelDisagreementDetector> labels = Optional.empty();

    public MarkDetectors(ModelSettings settings, TrainingData data) {
        this.settings = settings;
        this.data = data;
    }

    /**
     * @throws IllegalStateException when the configured detector is unknown or the provider has no images of its own
     */
    public synchronized MarkDetector configured() {
        if (data.providersOwn().isEmpty()) {
            throw new IllegalStateException("marks-only detects marks against the provider's own images; "
                    + "lethe.model.base-samples is 0");
        }
        String name = settings.dishonest().markDetector();
        return switch (name) {
            case "bright-background" -> new BrightBackgroundDetector(data.providersOwn(),
                    BrightBackgroundDetector.DEFAULT_DARK_MAX_INTENSITY, BrightBackgroundDetector.DEFAULT_BRIGHT_MIN);
            case "spectral-signature" -> new SpectralSignatureDetector(data.providersOwn(), SPECTRAL_FALSE_POSITIVE_RATE);
            case "label-disagreement" -> {
                if (labels.isEmpty()) {
                    labels = Optional.of(LabelDisagreementDetector.train(data.providersOwn(), settings.architecture(),
                            TrainingConfig.defaults(settings.epochsPerSlice(), settings.seed())));
                }
                yield labels.get();
            }
            default -> throw unknown(name);
        };
    }

    /** Refuses to start with a detector no strategy could use. */
    void checkAtStart(@Observes StartupEvent start) {
        if (!NAMES.contains(settings.dishonest().markDetector())) {
            throw unknown(settings.dishonest().markDetector());
        }
    }

    private static IllegalStateException unknown(String name) {
        return new IllegalStateException("lethe.model.dishonest.mark-detector '" + name + "' is none of " + NAMES);
    }

    @PreDestroy
    synchronized void close() {
        labels.ifPresent(LabelDisagreementDetector::close);
    }
}
