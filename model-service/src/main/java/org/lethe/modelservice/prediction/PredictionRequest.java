package org.lethe.modelservice.prediction;

import java.util.List;

/**
 * Images to classify.
 *
 * @param images base64 of 784 raw pixel bytes each (28×28, row by row)
 */
public record PredictionRequest(List<String> images) {
}
