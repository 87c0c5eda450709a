package org.lethe.verifier.reference;

import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.SisaLayout;

/**
 * How the verifier's reference models are trained: like the served model (same network, layout and
 * per-slice training), on the verifier's own images, each from its own seed.
 *
 * @param architecture  the served model's network
 * @param layout        the served model's S and R
 * @param sliceTraining per-slice training; its seed is the first model's, the others follow
 * @param models        how many reference models, at least 2 (their spread is part of the null)
 */
public record ShadowSettings(Architecture architecture, SisaLayout layout, TrainingConfig sliceTraining, int models) {
    public ShadowSettings {
        if (models < 2) {
            throw new IllegalArgumentException("at least 2 reference models are needed, got " + models);
        }
    }
}
