package org.lethe.verifier.serving;

import java.util.List;

/**
 * The sentinels a verification answers for: how many the verifier holds, and those of them calibrated where the
 * backdoor test can decide. Every sentinel held must show its backdoor for a certificate, so a sentinel held but
 * never calibrated counts against it: sentinels that were configured and not made must not pass for none.
 *
 * @param held       sentinels the verifier holds; 0 leaves the serving layer unchecked
 * @param calibrated those that can be tested, at most {@code held}
 */
public record SentinelPanel(int held, List<Sentinel> calibrated) {

    public SentinelPanel {
        calibrated = List.copyOf(calibrated);
        if (held < 0 || calibrated.size() > held) {
            throw new IllegalArgumentException("a panel holds at least the sentinels it calibrated; got " + held
                    + " held, " + calibrated.size() + " calibrated");
        }
    }

    /** Every sentinel calibrated. */
    public static SentinelPanel of(List<Sentinel> sentinels) {
        return new SentinelPanel(sentinels.size(), sentinels);
    }

    /** No sentinel: the serving layer is not checked, and certificates say so. */
    public static SentinelPanel none() {
        return new SentinelPanel(0, List.of());
    }
}
