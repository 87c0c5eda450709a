package org.lethe.verifier.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.ml.data.FashionMnist;
import org.lethe.verifier.reference.ReferenceData;
import org.lethe.verifier.trigger.TriggerCollisions;
import org.lethe.verifier.trigger.TriggerGenerator;
import org.lethe.verifier.trigger.TriggerRegion;

import java.security.SecureRandom;

/** The verifier's own images and what follows from them: where triggers go, how they are drawn. */
@ApplicationScoped
public class VerifierReference {

    private final VerifierSettings settings;
    private final SecureRandom random = new SecureRandom();
    private ReferenceData data;
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
