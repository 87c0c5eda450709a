package org.lethe.ml.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.lethe.ml.data.Sample;

/** The network shapes Lethe trains on 28×28 images; both end in 10 logits. */
public enum Architecture {
    /** Multi-layer perceptron 784-256-128-10 with ReLU. */
    MLP {
        @Override
        public Block newBlock() {
            return new SequentialBlock()
                    .add(Blocks.batchFlattenBlock(Sample.PIXELS))
                    .add(Linear.builder().setUnits(256).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(128).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(Sample.CLASSES).build());
        }

        @Override
        public Shape inputShape(long batchSize) {
            return new Shape(batchSize, Sample.PIXELS);
        }
    },
    /** Small CNN: two 3×3 convolutions (32, 64 filters) with max pooling, then 128-10. */
    CNN {
        @Override
        public Block newBlock() {
            return new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(32).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(64).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(128).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(Sample.CLASSES).build());
        }

        @Override
        public Shape inputShape(long batchSize) {
            return new Shape(batchSize, 1, Sample.SIDE, Sample.SIDE);
        }
    };

    /** A fresh, uninitialised block of this shape. */
    public abstract Block newBlock();

    /**
     * The shape blocks are initialised with. DJL writes it into parameter files, so one fixed shape
     * keeps the files (and their hashes) the same however the network was trained or loaded.
     */
    public Shape initializationShape() {
        return inputShape(1);
    }

    /** The input shape for a batch of images. */
    public abstract Shape inputShape(long batchSize);
}
