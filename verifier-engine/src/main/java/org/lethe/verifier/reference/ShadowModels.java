package org.lethe.verifier.reference;

import org.lethe.ml.data.Sample;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.verifier.oracle.ModelOracle;

import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's reference models: trained like the served model on the verifier's own images, so they
 * never saw any subject's data or trigger. They tell what a model that never learnt a trigger answers.
 */
public final class ShadowModels implements AutoCloseable {

    private final List<SisaEnsemble> models;

    private ShadowModels(List<SisaEnsemble> models) {
        this.models = List.copyOf(models);
    }

    /** Trains (or, with the same seeds and images, re-finds in the store) every reference model. */
    public static ShadowModels train(ShadowSettings settings, List<Sample> images, CheckpointStore store) {
        List<OwnedSample> arrivals = images.stream().map(OwnedSample::providers).toList();
        List<SisaEnsemble> models = new ArrayList<>();
        try {
            for (int index = 0; index < settings.models(); index++) {
                SisaTrainer trainer = new SisaTrainer(new SisaTrainer.Settings(settings.architecture(), settings.layout(),
                        settings.sliceTraining().withSeed(settings.sliceTraining().seed() + index)), store);
                SisaModel model = trainer.train(arrivals, SisaProgress.NONE);
                models.add(SisaEnsemble.load(model, store));
            }
        } catch (RuntimeException e) {
            models.forEach(SisaEnsemble::close);
            throw e;
        }
        return new ShadowModels(models);
    }

    /** Each reference model as an oracle. */
    public List<ModelOracle> oracles() {
        return models.stream().<ModelOracle>map(model -> model::probabilities).toList();
    }

    @Override
    public void close() {
        models.forEach(SisaEnsemble::close);
    }
}
