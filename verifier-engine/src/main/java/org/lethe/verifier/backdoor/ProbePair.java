package org.lethe.verifier.backdoor;

import org.lethe.ml.data.Sample;
import org.lethe.verifier.trigger.TriggerSpec;

/**
 * One probe: a fresh image, stamped once with the subject's trigger and once with a decoy that no model
 * was trained on. The decoy changes from probe to probe so that no single decoy's own pull weighs on the
 * whole test.
 */
public record ProbePair(Sample image, TriggerSpec decoy) {
}
