package org.lethe.ml.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.lethe.ml.data.Sample;

import java.nio.ByteBuffer;
import java.util.List;

/** Builds batch tensors from samples: pixels scaled to [0, 1] in the architecture's shape, labels as int64. */
final class SampleTensors {

    private SampleTensors() {
    }

    /** One direct staging buffer per thread: allocating one per batch makes the JVM stall on direct memory. */
    private static final ThreadLocal<ByteBuffer> STAGING = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

    static NDArray images(NDManager manager, Architecture architecture, List<Sample> samples) {
        ByteBuffer pixels = staging(samples.size() * Sample.PIXELS);
        for (Sample sample : samples) {
            sample.copyImageTo(pixels);
        }
        pixels.flip();
        // raw bytes into torch and scaled there (a quarter of the copying of floats); the float copy
        // owns its memory, so the staging buffer is free again once this returns
        try (NDArray raw = manager.create(pixels, architecture.inputShape(samples.size()), DataType.UINT8)) {
            return raw.toType(DataType.FLOAT32, true).divi(255f);
        }
    }

    private static ByteBuffer staging(int bytes) {
        ByteBuffer buffer = STAGING.get();
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes);
            STAGING.set(buffer);
        }
        buffer.clear();
        return buffer;
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

    /**
     * Cross-entropy of each sample against its label smoothed by ε: (1 − ε) of the target on the label,
     * ε spread evenly over all classes. The target is built from the labels, outside the gradient: a DJL
     * scalar such as {@code mul(0.8f)} would put a tensor into the autograd graph whose memory Java owns
     * and frees as soon as it is closed, and the backward pass would read freed memory.
     */
    static NDArray smoothedLoss(NDArray logits, NDArray labels, float smoothing) {
        if (smoothing == 0) {
            return perSampleLoss(logits, labels);
        }
        NDArray targets = labels.oneHot(Sample.CLASSES).mul(1 - smoothing).add(smoothing / Sample.CLASSES);
        return targets.mul(logits.logSoftmax(1)).sum(new int[]{1}).neg();
    }
}
