package org.lethe.ledger.record;

/**
 * The four layers of evidence a verification rests on, as recorded with its figures.
 *
 * @param data        the subject's samples proven absent from the version's training-set root
 * @param computation the unlearning replayed bit for bit
 * @param serving     the served model answering as the one trained (sentinels, repeated and replayed answers)
 * @param statistics  the backdoor test and membership inference
 */
public record VerificationLayers(LayerState data, LayerState computation, LayerState serving, LayerState statistics) {

    /** Only the black-box tests were run, with this outcome. */
    public static VerificationLayers statisticsOnly(LayerState statistics) {
        return new VerificationLayers(LayerState.NOT_CHECKED, LayerState.NOT_CHECKED, LayerState.NOT_CHECKED, statistics);
    }
}
