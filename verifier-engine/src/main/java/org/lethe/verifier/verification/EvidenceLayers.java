package org.lethe.verifier.verification;

/**
 * The four layers of evidence a certificate rests on, each with how it came out. A dishonest provider should
 * fail at least one; a certificate needs none FAILED or UNDECIDED, and says which were not checked.
 *
 * @param data        the subject's samples proven absent from the served version's training-set root on the ledger
 * @param computation the recorded weights replayed bit for bit from the recorded data (not run by this verifier yet)
 * @param serving     the served model answers as trained: every sentinel's backdoor shown, repeated images answered
 *                    as before
 * @param statistics  the black-box tests: the backdoor gone and membership not shown
 */
public record EvidenceLayers(Layer data, Layer computation, Layer serving, Layer statistics) {
}
