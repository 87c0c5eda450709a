package org.lethe.verifier.oracle;

import org.lethe.ml.data.Sample;

import java.util.List;

/**
 * A model as the verifier sees it: images in, class probabilities out, nothing else. The served model is
 * asked through the model service's prediction API like any client; the verifier's own reference models
 * answer in-process.
 */
@FunctionalInterface
public interface ModelOracle {

    /** One row of 10 class probabilities per image, in order. */
    float[][] probabilities(List<Sample> images);
}
