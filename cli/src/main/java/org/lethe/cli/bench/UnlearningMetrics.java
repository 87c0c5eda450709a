package org.lethe.cli.bench;

import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Predictor;
import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.trigger.TriggerSpec;

import java.util.List;

/**
 * The figures the machine-unlearning literature compares strategies by, measured on what a client gets from
 * the served model: forgetting rate, accuracy, the backdoor's attack success rate, and the distance of the
 * served answers from those of the model retrained without the data.
 */
final class UnlearningMetrics {

    private UnlearningMetrics() {
    }

    /** FR = 1 − A_after / A_before on the removed samples, each under the label it was contributed with. */
    static double forgettingRate(ModelOracle before, ModelOracle after, List<Sample> removed) {
        double accuracyBefore = accuracy(before, removed);
        return accuracyBefore == 0 ? 0 : 1 - accuracy(after, removed) / accuracyBefore;
    }

    static double accuracy(ModelOracle model, List<Sample> samples) {
        return Predictor.accuracy(model.probabilities(samples), samples);
    }

    /**
     * ASR: the share of images not of the target class that the model labels as the target once the trigger
     * is stamped on them, over {@code images}.
     */
    static double attackSuccessRate(ModelOracle model, TriggerSpec trigger, List<Sample> images) {
        List<Sample> stamped = images.stream().filter(image -> image.label() != trigger.targetLabel())
                .map(trigger::stampKeepingLabel).toList();
        float[][] rows = model.probabilities(stamped);
        int hits = 0;
        for (float[] row : rows) {
            hits += Predictor.argmax(row) == trigger.targetLabel() ? 1 : 0;
        }
        return stamped.isEmpty() ? 0 : (double) hits / stamped.size();
    }

    /**
     * The mean L2 distance between two models' class probabilities over the images: 0 for the same answers,
     * at most √2.
     */
    static double outputDistance(ModelOracle first, ModelOracle second, List<Sample> images) {
        float[][] a = first.probabilities(images);
        float[][] b = second.probabilities(images);
        double sum = 0;
        for (int i = 0; i < images.size(); i++) {
            double squares = 0;
            for (int c = 0; c < Sample.CLASSES; c++) {
                squares += Math.pow(a[i][c] - b[i][c], 2);
            }
            sum += Math.sqrt(squares);
        }
        return images.isEmpty() ? 0 : sum / images.size();
    }
}
