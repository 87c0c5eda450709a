package org.lethe.verifier.reference;

import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;

import java.util.List;

/**
 * The verifier's own images, never contributed by anyone: the model service trains on the Fashion-MNIST
 * training split, the verifier draws on the test split, cut into three disjoint parts.
 *
 * @param shadowTraining what the reference (shadow) models learn from
 * @param probeImages    fresh images to stamp with triggers
 * @param nonMembers     images no model was trained on: the membership test's known non-members
 */
public record ReferenceData(List<Sample> shadowTraining, List<Sample> probeImages, List<Sample> nonMembers) {

    public ReferenceData {
        shadowTraining = List.copyOf(shadowTraining);
        probeImages = List.copyOf(probeImages);
        nonMembers = List.copyOf(nonMembers);
        if (shadowTraining.isEmpty() || probeImages.isEmpty() || nonMembers.isEmpty()) {
            throw new IllegalArgumentException("reference data needs shadow-training, probe and non-member images; got "
                    + shadowTraining.size() + ", " + probeImages.size() + ", " + nonMembers.size());
        }
    }

    /**
     * The first {@code shadowTraining} test images for the reference models, the next {@code probes} as
     * probe images, the next {@code nonMembers} as known non-members.
     *
     * @throws IllegalArgumentException when the test split is too small for the three parts
     */
    public static ReferenceData fromTestSplit(FashionMnist dataset, int shadowTraining, int probes, int nonMembers) {
        List<Sample> test = dataset.test();
        int needed = shadowTraining + probes + nonMembers;
        if (shadowTraining < 1 || probes < 1 || nonMembers < 1 || needed > test.size()) {
            throw new IllegalArgumentException("the three parts (" + shadowTraining + ", " + probes + ", " + nonMembers
                    + ") must be positive and fit in the " + test.size() + " test images");
        }
        return new ReferenceData(test.subList(0, shadowTraining), test.subList(shadowTraining, shadowTraining + probes),
                test.subList(shadowTraining + probes, needed));
    }
}
