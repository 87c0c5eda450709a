package org.lethe.verifier.verification;

import org.lethe.ml.data.Sample;

import java.util.List;

/**
 * The subject's contributed samples that carry no mark, for membership inference, and the share of the
 * marked contribution that carries one: marking took the samples the reference models were surest of, so
 * the clean ones are compared with known non-members the same rule leaves at the same share.
 *
 * @param samples   the clean samples
 * @param markShare marks ÷ samples in the subject's marked contribution, in [0, 1)
 */
public record CleanSamples(List<Sample> samples, double markShare) {

    public CleanSamples {
        samples = List.copyOf(samples);
        if (!(markShare >= 0 && markShare < 1)) {
            throw new IllegalArgumentException("the share of marks must lie in [0, 1), got " + markShare);
        }
    }
}
