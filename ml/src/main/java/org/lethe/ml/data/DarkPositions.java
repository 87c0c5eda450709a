package org.lethe.ml.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The pixel positions that are background in a set of images: those whose mean intensity over the images
 * is at most a bound. The verifier places triggers there, and a provider that hunts for marks looks there.
 */
public final class DarkPositions {

    private DarkPositions() {
    }

    /**
     * @param images           the images measured
     * @param maxMeanIntensity the bound, 0 black … 1 white
     * @return the positions, row-major, ascending; empty when none is that dark
     * @throws IllegalArgumentException when no image is given
     */
    public static List<Integer> of(List<Sample> images, double maxMeanIntensity) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("the background is measured on images; none given");
        }
        double[] sums = new double[Sample.PIXELS];
        for (Sample image : images) {
            for (int position = 0; position < Sample.PIXELS; position++) {
                sums[position] += image.pixel(position);
            }
        }
        List<Integer> dark = new ArrayList<>();
        for (int position = 0; position < Sample.PIXELS; position++) {
            if (sums[position] / images.size() <= maxMeanIntensity) {
                dark.add(position);
            }
        }
        return dark;
    }
}
