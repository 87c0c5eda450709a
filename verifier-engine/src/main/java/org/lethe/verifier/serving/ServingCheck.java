package org.lethe.verifier.serving;

/**
 * The serving layer's evidence from one verification: whether the served model answers as a model trained
 * with the verifier's sentinel subjects does, and as a function of its input.
 * <p>
 * A sentinel whose test decides DELETED lost a backdoor nobody deleted (at most β of the time on a model that
 * serves what it learnt): the served model suppresses triggers, through a query filter or damage beyond the
 * deletion. An image answered differently when asked again shows that something other than fixed weights
 * answers: a model is a function of its input.
 *
 * @param sentinels  sentinels the verifier holds for this version
 * @param shown      their tests that ended KEPT: the backdoor is there, as it must be
 * @param suppressed their tests that ended DELETED
 * @param probes     probe pairs the sentinels' tests asked in all
 * @param repeated   images of this verification asked a second time
 * @param changed    of those, answered differently the second time
 */
public record ServingCheck(int sentinels, int shown, int suppressed, int probes, int repeated, int changed) {

    public ServingCheck {
        if (sentinels < 0 || shown < 0 || suppressed < 0 || shown + suppressed > sentinels || probes < 0
                || repeated < 0 || changed < 0 || changed > repeated) {
            throw new IllegalArgumentException("need 0 ≤ shown + suppressed ≤ sentinels, 0 ≤ changed ≤ repeated and "
                    + "probes ≥ 0; got " + shown + " + " + suppressed + " of " + sentinels + ", " + changed + " of "
                    + repeated + ", " + probes);
        }
    }

    /** Nothing checked: the subject's data was found first, or the verification had no samples to go on. */
    public static ServingCheck none() {
        return new ServingCheck(0, 0, 0, 0, 0, 0);
    }

    /** Whether sentinels were tested at all. */
    public boolean checked() {
        return sentinels > 0;
    }

    /** Whether the served model hid a backdoor it was trained with, or changed its answer to the same image. */
    public boolean evasion() {
        return suppressed > 0 || changed > 0;
    }

    /** Whether every sentinel's backdoor showed and every repeated image got its first answer again. */
    public boolean servingShown() {
        return checked() && shown == sentinels && changed == 0;
    }

    /** Sentinels whose tests ran out of probes undecided, or that could not be tested on this version. */
    public int undecided() {
        return sentinels - shown - suppressed;
    }
}
