package org.lethe.verifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.verifier.reference.ReferenceData;
import org.lethe.verifier.trigger.TriggerCollisions;
import org.lethe.verifier.trigger.TriggerGenerator;
import org.lethe.verifier.trigger.TriggerRegion;

import java.security.SecureRandom;
import java.util.List;

/** The verifier's own images and what follows from them: where triggers go, how they are drawn. */
@ApplicationScoped
public class VerifierReference {

    private final VerifierSettings settings;
    private final SecureRandom random = new SecureRandom();
    private ReferenceData data;
    private List<Sample> testSplit;
    private TriggerGenerator generator;

    public VerifierReference(VerifierSettings settings) {
        this.settings = settings;
    }

    public synchronized ReferenceData data() {
        if (data == null) {
            VerifierSettings.Reference sizes = settings.reference();
            data = ReferenceData.fromTestSplit(FashionMnist.installed(), sizes.shadowTraining(), sizes.probeImages(),
                    sizes.nonMembers());
        }
        return data;
    }

    /** The first test image after the reference parts: where the sentinels' images start. */
    public int sentinelImagesFrom() {
        VerifierSettings.Reference sizes = settings.reference();
        return sizes.shadowTraining() + sizes.probeImages() + sizes.nonMembers();
    }

    /** Sentinel {@code slot}'s images: the test images after the reference parts, one block of samples-each per slot. */
    public synchronized List<Sample> sentinelImages(int slot) {
        if (testSplit == null) {
            testSplit = FashionMnist.installed().test();
        }
        int from = sentinelImagesFrom() + slot * settings.sentinels().samplesEach();
        return testSplit.subList(from, from + settings.sentinels().samplesEach());
    }

    /** Draws triggers from the CSPRNG over the reference images' dark background. */
    public synchronized TriggerGenerator generator() {
        if (generator == null) {
            generator = new TriggerGenerator(random, settings.triggers().pixels(),
                    TriggerRegion.darkBackground(data().shadowTraining(), settings.triggers().backgroundMaxIntensity()));
        }
        return generator;
    }

    public TriggerCollisions collisions() {
        return new TriggerCollisions(settings.triggers().maxSharedPositions());
    }

    public SecureRandom random() {
        return random;
    }
}
