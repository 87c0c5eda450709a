package org.lethe.verifier.verification;

/**
 * The data layer: the subject's samples checked against the served version's training-set root on the ledger,
 * each by a proof the verifier checked against that root (the provider's word alone counts for nothing). It
 * binds what the provider claims it trained on, not what it trained on: a root that lies passes here and
 * must be caught by replay or by the black-box layers.
 *
 * @param samples       the subject's samples the verifier knows (as marking returned them)
 * @param provenAbsent  those proven absent from the root
 * @param provenPresent those proven present in it
 */
public record DataCheck(int samples, int provenAbsent, int provenPresent) {

    public DataCheck {
        if (samples < 0 || provenAbsent < 0 || provenPresent < 0 || provenAbsent + provenPresent > samples) {
            throw new IllegalArgumentException("need 0 ≤ absent + present ≤ samples; got " + provenAbsent + " + "
                    + provenPresent + " of " + samples);
        }
    }

    /** Nothing checked: the caller had no samples or no root to check them against. */
    public static DataCheck notChecked() {
        return new DataCheck(0, 0, 0);
    }

    public Layer layer() {
        if (samples == 0) {
            return Layer.NOT_CHECKED;
        }
        if (provenPresent > 0) {
            return Layer.FAILED;
        }
        return provenAbsent == samples ? Layer.PASSED : Layer.UNDECIDED;
    }
}
