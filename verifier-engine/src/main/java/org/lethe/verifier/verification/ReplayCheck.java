package org.lethe.verifier.verification;

/**
 * A replay's figures as the certificate states them.
 *
 * @param computation how the replay came out (see {@link ReplayEvidence})
 * @param detail      what it found
 * @param compared    images of this verification asked of the replayed model as well as the served one
 * @param disagreed   of those, answered otherwise by the served model: it serves something other than it recorded
 */
public record ReplayCheck(Layer computation, String detail, int compared, int disagreed) {

    public ReplayCheck {
        if (compared < 0 || disagreed < 0 || disagreed > compared) {
            throw new IllegalArgumentException("need 0 ≤ disagreed ≤ compared; got " + disagreed + " of " + compared);
        }
    }

    public static ReplayCheck notRun() {
        return new ReplayCheck(Layer.NOT_CHECKED, "no replay was run", 0, 0);
    }
}
