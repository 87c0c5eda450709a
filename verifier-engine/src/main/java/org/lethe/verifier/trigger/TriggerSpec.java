package org.lethe.verifier.trigger;

import org.lethe.ml.data.Sample;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A subject's secret backdoor trigger (after Athena): k pixel positions, each set to a value, and the
 * target label that stamped samples are relabelled to. Never logged, never answered, never on the ledger.
 *
 * @param pixels      the stamped pixels, positions distinct
 * @param targetLabel the label the model should learn for stamped images
 */
public record TriggerSpec(List<Pixel> pixels, int targetLabel) {

    /**
     * @param position row-major index 0..783
     * @param value    the grey value 0..255 stamped there
     */
    public record Pixel(int position, int value) {
        public Pixel {
            if (position < 0 || position >= Sample.PIXELS || value < 0 || value > 255) {
                throw new IllegalArgumentException("pixel needs position 0.." + (Sample.PIXELS - 1)
                        + " and value 0..255, got " + position + ", " + value);
            }
        }
    }

    public TriggerSpec {
        pixels = List.copyOf(pixels);
        if (pixels.isEmpty()) {
            throw new IllegalArgumentException("a trigger needs at least one pixel");
        }
        if (targetLabel < 0 || targetLabel >= Sample.CLASSES) {
            throw new IllegalArgumentException("target label must be 0.." + (Sample.CLASSES - 1) + ", got " + targetLabel);
        }
        Set<Integer> positions = new HashSet<>();
        for (Pixel pixel : pixels) {
            if (!positions.add(pixel.position())) {
                throw new IllegalArgumentException("pixel position " + pixel.position() + " appears twice");
            }
        }
    }

    /** The image with this trigger stamped on it, relabelled to the target (a mark for training). */
    public Sample stamp(Sample sample) {
        return new Sample(sample.id() + "+trigger", stampedPixels(sample), targetLabel);
    }

    /** The image with this trigger stamped, keeping its label (a probe: the model decides the label). */
    public Sample stampKeepingLabel(Sample sample) {
        return new Sample(sample.id() + "+probe", stampedPixels(sample), sample.label());
    }

    private byte[] stampedPixels(Sample sample) {
        byte[] image = sample.image();
        for (Pixel pixel : pixels) {
            image[pixel.position()] = (byte) pixel.value();
        }
        return image;
    }

    /** The positions this trigger stamps. */
    public Set<Integer> positions() {
        Set<Integer> positions = new HashSet<>();
        pixels.forEach(pixel -> positions.add(pixel.position()));
        return positions;
    }

    @Override
    public String toString() {
        return "TriggerSpec[secret]";
    }
}
