package org.lethe.modelservice.prediction;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "lethe.predictions")
public interface PredictionSettings {

    /** Most images in one prediction request. */
    int maxImages();
}
