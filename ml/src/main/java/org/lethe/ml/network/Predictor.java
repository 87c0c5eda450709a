package org.lethe.ml.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.lethe.ml.data.Sample;

import java.util.Arrays;
import java.util.List;

/** Inference: class probabilities and per-sample losses, one scoped {@link NDManager} per batch. */
public final class Predictor {

    private static final int BATCH = 1024;

    private Predictor() {
    }

    /** Softmax probabilities, one row of 10 per sample. */
    public static float[][] probabilities(Network network, List<Sample> samples) {
        float[][] rows = new float[samples.size()][];
        forEachBatch(network, samples, (manager, start, batch, logits) -> {
            float[] flat = logits.softmax(1).toFloatArray();
            for (int i = 0; i < batch.size(); i++) {
                float[] row = new float[Sample.CLASSES];
                System.arraycopy(flat, i * Sample.CLASSES, row, 0, Sample.CLASSES);
                rows[start + i] = row;
            }
        });
        return rows;
    }

    /**
     * The last hidden layer's activations (the input of the final linear layer), one row per sample: the
     * representation spectral-signature detection (Tran et al., NeurIPS 2018) looks for poisons in.
     */
    public static float[][] penultimateActivations(Network network, List<Sample> samples) {
        float[][] rows = new float[samples.size()][];
        NDManager root = network.model().getNDManager();
        List<Block> layers = network.block().getChildren().values();
        for (int start = 0; start < samples.size(); start += BATCH) {
            List<Sample> batch = samples.subList(start, Math.min(samples.size(), start + BATCH));
            try (NDManager manager = root.newSubManager()) {
                ParameterStore parameters = new ParameterStore(manager, false);
                NDList activations = new NDList(SampleTensors.images(manager, network.architecture(), batch));
                for (Block layer : layers.subList(0, layers.size() - 1)) {
                    activations = layer.forward(parameters, activations, false);
                }
                NDArray hidden = activations.singletonOrThrow();
                int width = (int) hidden.getShape().get(1);
                float[] flat = hidden.toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    rows[start + i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
                }
            }
        }
        return rows;
    }

    /** Cross-entropy of each sample under its own label. */
    public static float[] perSampleLoss(Network network, List<Sample> samples) {
        float[] losses = new float[samples.size()];
        forEachBatch(network, samples, (manager, start, batch, logits) -> {
            float[] batchLosses = SampleTensors.perSampleLoss(logits, SampleTensors.labels(manager, batch)).toFloatArray();
            System.arraycopy(batchLosses, 0, losses, start, batchLosses.length);
        });
        return losses;
    }

    /** Fraction of samples whose most probable class is their label. */
    public static double accuracy(Network network, List<Sample> samples) {
        return accuracy(probabilities(network, samples), samples);
    }

    /** Fraction of rows whose most probable class is the sample's label. */
    public static double accuracy(float[][] probabilities, List<Sample> samples) {
        int correct = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (argmax(probabilities[i]) == samples.get(i).label()) {
                correct++;
            }
        }
        return samples.isEmpty() ? 0 : (double) correct / samples.size();
    }

    public static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    private interface BatchLogits {
        void accept(NDManager manager, int start, List<Sample> batch, NDArray logits);
    }

    private static void forEachBatch(Network network, List<Sample> samples, BatchLogits consumer) {
        NDManager root = network.model().getNDManager();
        for (int start = 0; start < samples.size(); start += BATCH) {
            List<Sample> batch = samples.subList(start, Math.min(samples.size(), start + BATCH));
            try (NDManager manager = root.newSubManager()) {
                NDArray images = SampleTensors.images(manager, network.architecture(), batch);
                NDArray logits = network.block().forward(new ParameterStore(manager, false), new NDList(images), false)
                        .singletonOrThrow();
                consumer.accept(manager, start, batch, logits);
            }
        }
    }
}
