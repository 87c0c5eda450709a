package org.lethe.verifier.trigger;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses triggers that would carry another subject's backdoor. Measured on Fashion-MNIST: two subjects
 * with the same target label sharing a single pixel position kept each other's backdoor alive after a
 * deletion (q̂ up to 0.88), a false NOT_DELETED. A new trigger collides with an enrolled one when it has
 * the same target and shares any position, or, whatever the target, shares more than
 * {@code maxSharedPositions} positions.
 */
public final class TriggerCollisions {

    private final int maxSharedPositions;

    /**
     * @param maxSharedPositions positions two triggers with different targets may share
     */
    public TriggerCollisions(int maxSharedPositions) {
        if (maxSharedPositions < 0) {
            throw new IllegalArgumentException("shared positions must not be negative, got " + maxSharedPositions);
        }
        this.maxSharedPositions = maxSharedPositions;
    }

    /** The first enrolled trigger the candidate collides with, if any. */
    public Optional<TriggerSpec> firstCollision(TriggerSpec candidate, Collection<TriggerSpec> enrolled) {
        for (TriggerSpec other : enrolled) {
            Set<Integer> shared = new HashSet<>(candidate.positions());
            shared.retainAll(other.positions());
            boolean sameTarget = other.targetLabel() == candidate.targetLabel();
            if ((sameTarget && !shared.isEmpty()) || shared.size() > maxSharedPositions) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }
}
