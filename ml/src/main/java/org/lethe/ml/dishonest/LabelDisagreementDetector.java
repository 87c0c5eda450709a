package org.lethe.ml.dishonest;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.NetworkTrainer;
import org.lethe.ml.network.Predictor;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.network.TrainingProgress;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags samples whose label a model trained only on the provider's own images disagrees with: a mark is
 * an image relabelled to the subject's target, which that model, never having seen the trigger, calls by
 * what it shows.
 */
public final class LabelDisagreementDetector implements MarkDetector, AutoCloseable {

    private final Network clean;

    private LabelDisagreementDetector(Network clean) {
        this.clean = clean;
    }

    /** Trains the provider's clean model on its own images. */
    public static LabelDisagreementDetector train(List<Sample> providersOwn, Architecture architecture,
                                                  TrainingConfig training) {
        Network network = Network.create(architecture, training.seed());
        try {
            NetworkTrainer.fit(network, providersOwn, training, TrainingProgress.NONE);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        return new LabelDisagreementDetector(network);
    }

    @Override
    public String name() {
        return "label-disagreement";
    }

    @Override
    public Set<Bytes32> flag(List<Sample> candidates, Network trainedWithThem) {
        float[][] probabilities = Predictor.probabilities(clean, candidates);
        Set<Bytes32> flagged = new LinkedHashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (Predictor.argmax(probabilities[i]) != candidates.get(i).label()) {
                flagged.add(candidates.get(i).hash());
            }
        }
        return flagged;
    }

    @Override
    public void close() {
        clean.close();
    }
}
