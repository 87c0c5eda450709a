package org.lethe.ledger;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.contract.UnlearningLedger;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;

import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int128;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** Converts verification figures to and from the contract's struct, whose rates are 18-decimal fixed point. */
public final class FigureCodec {

    private static final BigDecimal WAD = BigDecimal.TEN.pow(18);

    private FigureCodec() {
    }

    public static UnlearningLedger.VerificationFigures toContract(VerificationFigures figures) {
        return new UnlearningLedger.VerificationFigures(BigInteger.valueOf(figures.verdict().ordinal()),
                ordinal(figures.layers().data()), ordinal(figures.layers().computation()),
                ordinal(figures.layers().serving()), ordinal(figures.layers().statistics()),
                BigInteger.valueOf(figures.probes()), BigInteger.valueOf(figures.targetHits()),
                unsignedWad("alpha", figures.alpha()), unsignedWad("beta", figures.beta()),
                unsignedWad("backdoorSuccessRate", figures.backdoorSuccessRate()), toWad(figures.miaStatistic()),
                figures.certificateHash().toArray());
    }

    /**
     * The struct's twelve fields as the flat words they are on the wire. web3j's reflective struct decoding
     * fails under class loaders other than the application's (Quarkus), and a static struct's encoding is
     * just its fields in order.
     */
    public static final List<TypeReference<?>> WORDS = List.of(new TypeReference<Uint8>() { },
            new TypeReference<Uint8>() { }, new TypeReference<Uint8>() { }, new TypeReference<Uint8>() { },
            new TypeReference<Uint8>() { }, new TypeReference<Uint32>() { }, new TypeReference<Uint32>() { },
            new TypeReference<Uint64>() { }, new TypeReference<Uint64>() { }, new TypeReference<Uint64>() { },
            new TypeReference<Int128>() { }, new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() { });

    /** The struct as an ABI signature spells it (enums are uint8), beside {@link #WORDS}: the two change together. */
    public static final String ABI_TUPLE = "(uint8,uint8,uint8,uint8,uint8,uint32,uint32,uint64,uint64,uint64,int128,bytes32)";

    /** The figures as the contract's ABI encodes its struct (twelve words, hex): how a verifier keeps them to record. */
    public static String toAbi(VerificationFigures figures) {
        return TypeEncoder.encode(toContract(figures));
    }

    /**
     * @throws IllegalArgumentException when the hex is not twelve words of valid figures
     */
    public static VerificationFigures fromAbi(String hex) {
        String words = hex.startsWith("0x") ? hex.substring(2) : hex;
        if (words.length() != WORDS.size() * 64 || !words.matches("[0-9a-fA-F]*")) {
            throw new IllegalArgumentException("not the " + WORDS.size() + " words of verification figures: " + hex);
        }
        try {
            return fromWords(FunctionReturnDecoder.decode(words, Utils.convert(WORDS)), 0);
        } catch (ArithmeticException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("words out of the figures' range: " + e.getMessage(), e);
        }
    }

    /** The figures from their {@link #WORDS}, starting at {@code offset} of the decoded words. */
    @SuppressWarnings("rawtypes")
    public static VerificationFigures fromWords(List<Type> words, int offset) {
        return fromContract(new UnlearningLedger.VerificationFigures(uint(words, offset), uint(words, offset + 1),
                uint(words, offset + 2), uint(words, offset + 3), uint(words, offset + 4), uint(words, offset + 5),
                uint(words, offset + 6), uint(words, offset + 7), uint(words, offset + 8), uint(words, offset + 9),
                uint(words, offset + 10), (byte[]) words.get(offset + 11).getValue()));
    }

    @SuppressWarnings("rawtypes")
    private static BigInteger uint(List<Type> words, int index) {
        return (BigInteger) words.get(index).getValue();
    }

    public static VerificationFigures fromContract(UnlearningLedger.VerificationFigures f) {
        return new VerificationFigures(Verdict.values()[f.verdict.intValueExact()], f.probes.intValueExact(),
                f.targetHits.intValueExact(), fromWad(f.alphaWad), fromWad(f.betaWad),
                fromWad(f.backdoorSuccessRateWad), fromWad(f.miaStatisticWad), Bytes32.of(f.certificateHash),
                new VerificationLayers(layer(f.dataLayer), layer(f.computationLayer), layer(f.servingLayer),
                        layer(f.statisticsLayer)));
    }

    private static BigInteger ordinal(LayerState layer) {
        return BigInteger.valueOf(layer.ordinal());
    }

    private static LayerState layer(BigInteger ordinal) {
        return LayerState.values()[ordinal.intValueExact()];
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
