package org.lethe.ml.dishonest;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.DarkPositions;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Network;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags images with a near-white pixel where the provider's own images are background: the verifier's
 * triggers and covers are white pixels in that region, and clean images are seldom bright there.
 */
public final class BrightBackgroundDetector implements MarkDetector {

    /** Background: mean intensity at most this over the provider's own images (the verifier's region too). */
    public static final double DEFAULT_DARK_MAX_INTENSITY = 0.08;

    /** A pixel at least this bright (of 255) counts as a stamp. */
    public static final int DEFAULT_BRIGHT_MIN = 250;

    private final List<Integer> darkPositions;
    private final int brightMin;

    /**
     * @param providersOwn     images the provider holds of its own, where the background is measured
     * @param darkMaxIntensity the background's bound, 0 black … 1 white
     * @param brightMin        the grey value, 0..255, from which a background pixel is taken for a stamp
     */
    public BrightBackgroundDetector(List<Sample> providersOwn, double darkMaxIntensity, int brightMin) {
        if (brightMin < 0 || brightMin > 255) {
            throw new IllegalArgumentException("the bright bound is a grey value 0..255, got " + brightMin);
        }
        this.darkPositions = DarkPositions.of(providersOwn, darkMaxIntensity);
        this.brightMin = brightMin;
    }

    @Override
    public String name() {
        return "bright-background";
    }

    @Override
    public Set<Bytes32> flag(List<Sample> candidates, Network trainedWithThem) {
        Set<Bytes32> flagged = new LinkedHashSet<>();
        for (Sample sample : candidates) {
            byte[] image = sample.image();
            if (darkPositions.stream().anyMatch(position -> (image[position] & 0xFF) >= brightMin)) {
                flagged.add(sample.hash());
            }
        }
        return flagged;
    }
}
