package org.lethe.ml.dishonest;

import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;

import java.util.Arrays;
import java.util.List;

/** The mark detectors a dishonest provider can use, by the names operators and the bench give them. */
public enum MarkDetectorKind {
    BRIGHT_BACKGROUND("bright-background"),
    LABEL_DISAGREEMENT("label-disagreement"),
    SPECTRAL_SIGNATURE("spectral-signature");

    /** The spectral detector flags this share of the provider's own images of a label. */
    public static final double SPECTRAL_FALSE_POSITIVE_RATE = 0.05;

    private final String label;

    MarkDetectorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Every detector's name. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(MarkDetectorKind::label).toList();
    }

    /** @throws IllegalArgumentException naming the detectors, for any other name */
    public static MarkDetectorKind named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mark detector '" + name + "' is none of " + labels()));
    }

    /**
     * The detector, built from the provider's own images (label disagreement trains a model on them, with
     * {@code architecture} and {@code training}; close it when done).
     */
    public MarkDetector build(List<Sample> providersOwn, Architecture architecture, TrainingConfig training) {
        return switch (this) {
            case BRIGHT_BACKGROUND -> new BrightBackgroundDetector(providersOwn,
                    BrightBackgroundDetector.DEFAULT_DARK_MAX_INTENSITY, BrightBackgroundDetector.DEFAULT_BRIGHT_MIN);
            case LABEL_DISAGREEMENT -> LabelDisagreementDetector.train(providersOwn, architecture, training);
            case SPECTRAL_SIGNATURE -> new SpectralSignatureDetector(providersOwn, SPECTRAL_FALSE_POSITIVE_RATE);
        };
    }
}
