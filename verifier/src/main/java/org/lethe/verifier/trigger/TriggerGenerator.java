package org.lethe.verifier.trigger;

import org.lethe.ml.data.Sample;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws triggers from a CSPRNG: distinct random positions, each set to a bright or dark extreme (so the
 * stamp stands out whatever the image), and a random target label.
 */
public final class TriggerGenerator {

    private final SecureRandom random;
    private final int pixelCount;

    /**
     * @param pixelCount k, the pixels per trigger (Athena uses 4)
     */
    public TriggerGenerator(SecureRandom random, int pixelCount) {
        if (pixelCount < 1 || pixelCount > Sample.PIXELS) {
            throw new IllegalArgumentException("pixels per trigger must be 1.." + Sample.PIXELS + ", got " + pixelCount);
        }
        this.random = random;
        this.pixelCount = pixelCount;
    }

    public TriggerSpec draw() {
        Set<Integer> positions = new LinkedHashSet<>();
        while (positions.size() < pixelCount) {
            positions.add(random.nextInt(Sample.PIXELS));
        }
        List<TriggerSpec.Pixel> pixels = new ArrayList<>();
        for (int position : positions) {
            pixels.add(new TriggerSpec.Pixel(position, random.nextBoolean() ? 255 : 0));
        }
        return new TriggerSpec(pixels, random.nextInt(Sample.CLASSES));
    }
}
