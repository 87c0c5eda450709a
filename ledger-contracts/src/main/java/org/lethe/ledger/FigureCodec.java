package org.lethe.ledger;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.contract.UnlearningLedger;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.Verdict;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Converts verification figures to and from the contract's struct, whose rates are 18-decimal fixed point. */
public final class FigureCodec {

    private static final BigDecimal WAD = BigDecimal.TEN.pow(18);

    private FigureCodec() {
    }

    public static UnlearningLedger.VerificationFigures toContract(VerificationFigures figures) {
        return new UnlearningLedger.VerificationFigures(BigInteger.valueOf(figures.verdict().ordinal()),
                BigInteger.valueOf(figures.probes()), BigInteger.valueOf(figures.targetHits()),
                unsignedWad("alpha", figures.alpha()), unsignedWad("beta", figures.beta()),
                unsignedWad("backdoorSuccessRate", figures.backdoorSuccessRate()), toWad(figures.miaStatistic()), figures.certificateHash().toArray());
    }

    public static VerificationFigures fromContract(UnlearningLedger.VerificationFigures f) {
        return new VerificationFigures(Verdict.values()[f.verdict.intValueExact()], f.probes.intValueExact(),
                f.targetHits.intValueExact(), fromWad(f.alphaWad), fromWad(f.betaWad),
                fromWad(f.backdoorSuccessRateWad), fromWad(f.miaStatisticWad), Bytes32.of(f.certificateHash));
    }

    private static BigInteger unsignedWad(String name, double value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
        return toWad(value);
    }

    /**
     * @throws IllegalArgumentException for NaN or infinite values, which have no fixed-point form
     */
    static BigInteger toWad(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("figure must be finite, got " + value);
        }
        return BigDecimal.valueOf(value).multiply(WAD).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }

    static double fromWad(BigInteger wad) {
        return new BigDecimal(wad).divide(WAD).doubleValue();
    }
}
