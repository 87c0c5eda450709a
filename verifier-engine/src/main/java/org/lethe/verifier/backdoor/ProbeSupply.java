package org.lethe.verifier.backdoor;

import org.lethe.ml.data.Sample;
import org.lethe.verifier.trigger.TriggerCollisions;
import org.lethe.verifier.trigger.TriggerGenerator;
import org.lethe.verifier.trigger.TriggerSpec;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Draws probe pairs: random images from the verifier's probe images (never of the trigger's target, whose
 * label a trigger cannot flip), each with its own decoy. A decoy has the subject's target and collides
 * with no enrolled trigger: one that shared a position with another subject's same-target trigger would
 * carry that backdoor and hide the subject's.
 */
public final class ProbeSupply {

    private final List<Sample> probeImages;
    private final TriggerGenerator generator;
    private final TriggerCollisions collisions;
    private final SecureRandom random;
    private final int drawAttempts;

    /**
     * @param drawAttempts draws tried for one clear decoy or unused trigger before giving up
     */
    public ProbeSupply(List<Sample> probeImages, TriggerGenerator generator, TriggerCollisions collisions,
                       SecureRandom random, int drawAttempts) {
        this.probeImages = List.copyOf(probeImages);
        this.generator = generator;
        this.collisions = collisions;
        this.random = random;
        this.drawAttempts = drawAttempts;
    }

    /**
     * @param enrolled every enrolled trigger (the subject's included)
     * @throws IllegalStateException when the probe images run short or no clear decoy turns up
     */
    public List<ProbePair> pairs(TriggerSpec trigger, Collection<TriggerSpec> enrolled, int count) {
        List<Sample> candidates = new ArrayList<>(probeImages.stream()
                .filter(image -> image.label() != trigger.targetLabel()).toList());
        if (candidates.size() < count) {
            throw new IllegalStateException(count + " probes asked for, only " + candidates.size()
                    + " probe images are not of the target");
        }
        List<TriggerSpec> taken = new ArrayList<>(enrolled);
        taken.add(trigger);
        List<ProbePair> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sample image = candidates.remove(random.nextInt(candidates.size()));
            pairs.add(new ProbePair(image, clearTrigger(taken, Optional.of(trigger.targetLabel()))));
        }
        return pairs;
    }

    /** A trigger clear of every enrolled one that no model was trained on: a sample of the null. */
    public TriggerSpec unusedTrigger(Collection<TriggerSpec> enrolled) {
        return clearTrigger(enrolled, Optional.empty());
    }

    private TriggerSpec clearTrigger(Collection<TriggerSpec> taken, Optional<Integer> target) {
        return generator.drawClearOf(taken, collisions, target, drawAttempts)
                .orElseThrow(() -> new IllegalStateException("no trigger clear of the " + taken.size()
                        + " enrolled ones turned up in " + drawAttempts + " draws"));
    }
}
