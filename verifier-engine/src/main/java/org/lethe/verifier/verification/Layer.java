package org.lethe.verifier.verification;

/** How one layer of evidence came out for a verification. */
public enum Layer {
    /** It shows the deletion (or a faithful model, for the serving layer). */
    PASSED,
    /** It shows the data kept, or a served model that is not the one trained. */
    FAILED,
    /** It was checked and could not tell. */
    UNDECIDED,
    /** It was not checked. */
    NOT_CHECKED
}
