package org.lethe.verifier.oracle;

import org.lethe.ml.data.Sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the images sent to a model: the queries a verification costs. */
public final class CountingOracle implements ModelOracle {

    private final ModelOracle model;
    private final AtomicLong queries = new AtomicLong();

    public CountingOracle(ModelOracle model) {
        this.model = model;
    }

    @Override
    public float[][] probabilities(List<Sample> images) {
        queries.addAndGet(images.size());
        return model.probabilities(images);
    }

    public long queries() {
        return queries.get();
    }
}
