package org.lethe.ml.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.lethe.ml.data.Sample;

import java.nio.FloatBuffer;
import java.util.List;

/** Builds batch tensors from samples: pixels scaled to [0, 1] in the architecture's shape, labels as int64. */
final class SampleTensors {

    private SampleTensors() {
    }

    static NDArray images(NDManager manager, Architecture architecture, List<Sample> samples) {
        float[] pixels = new float[samples.size() * Sample.PIXELS];
        int offset = 0;
        for (Sample sample : samples) {
            for (int i = 0; i < Sample.PIXELS; i++) {
                pixels[offset++] = sample.pixel(i);
            }
        }
        return manager.create(FloatBuffer.wrap(pixels), architecture.inputShape(samples.size()));
    }

    static NDArray labels(NDManager manager, List<Sample> samples) {
        long[] labels = new long[samples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = samples.get(i).label();
        }
        return manager.create(labels, new Shape(labels.length)).toType(DataType.INT64, false);
    }

    /** Cross-entropy of each sample: {@code -log softmax(logits)[label]}. */
    static NDArray perSampleLoss(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).get(new NDIndex().addAllDim().addPickDim(labels)).neg();
    }
}
