package org.lethe.verifier.trigger;

import org.lethe.ml.data.Sample;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Draws triggers from a CSPRNG: distinct random positions of a {@link TriggerRegion}, each set to
 * white, and a random target label; and decoys, triggers of the same shape that no model was trained on.
 */
public final class TriggerGenerator {

    private static final int WHITE = 255;

    private final SecureRandom random;
    private final int pixelCount;
    private final TriggerRegion region;

    /**
     * @param pixelCount k, the pixels per trigger (Athena uses 4)
     * @param region     where the pixels may lie
     */
    public TriggerGenerator(SecureRandom random, int pixelCount, TriggerRegion region) {
        if (pixelCount < 1 || pixelCount > region.size()) {
            throw new IllegalArgumentException("pixels per trigger must be 1.." + region.size() + " (the region's size), got "
                    + pixelCount);
        }
        this.random = random;
        this.pixelCount = pixelCount;
        this.region = region;
    }

    public TriggerSpec draw() {
        return draw(random.nextInt(Sample.CLASSES));
    }

    /** A trigger with the given target label. */
    public TriggerSpec draw(int targetLabel) {
        Set<Integer> positions = new LinkedHashSet<>();
        while (positions.size() < pixelCount) {
            positions.add(region.positions().get(random.nextInt(region.size())));
        }
        List<TriggerSpec.Pixel> pixels = new ArrayList<>();
        for (int position : positions) {
            pixels.add(new TriggerSpec.Pixel(position, WHITE));
        }
        return new TriggerSpec(pixels, targetLabel);
    }

    /**
     * A trigger for a new subject: clear of {@code enrolled}, and leaving a clear trigger for every target.
     * Verifications draw decoys with the subject's target that must collide with no enrolled trigger; a
     * subject whose enrolment took the last room of another target would leave that target's subjects
     * unverifiable. Empty when the region is full, judged on the first clear candidate.
     */
    public Optional<TriggerSpec> drawEnrollable(Collection<TriggerSpec> enrolled, TriggerCollisions collisions, int attempts) {
        Optional<TriggerSpec> candidate = drawClearOf(enrolled, collisions, Optional.empty(), attempts);
        if (candidate.isEmpty()) {
            return candidate;
        }
        List<TriggerSpec> withCandidate = new ArrayList<>(enrolled);
        withCandidate.add(candidate.get());
        for (int target = 0; target < Sample.CLASSES; target++) {
            if (drawClearOf(withCandidate, collisions, Optional.of(target), attempts).isEmpty()) {
                return Optional.empty();
            }
        }
        return candidate;
    }

    /**
     * A trigger that collides with none of {@code taken}, if one turns up within {@code attempts} draws.
     *
     * @param targetLabel the target, or empty for a random one
     */
    public Optional<TriggerSpec> drawClearOf(Collection<TriggerSpec> taken, TriggerCollisions collisions,
                                             Optional<Integer> targetLabel, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            TriggerSpec candidate = targetLabel.map(this::draw).orElseGet(this::draw);
            if (collisions.firstCollision(candidate, taken).isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
