package org.lethe.ledger;

import org.junit.jupiter.api.Test;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The figures a verifier keeps between signing a certificate and recording it, as the contract's ABI words. */
class FigureCodecAbiTest {

    private static final VerificationFigures FIGURES = new VerificationFigures(Verdict.NOT_DELETED, 17, 9, 0.001, 0.001,
            0.529411764705882353, -0.0125, Bytes32.fromHex("0x" + "5a".repeat(32)),
            new VerificationLayers(LayerState.PASSED, LayerState.FAILED, LayerState.UNDECIDED, LayerState.NOT_CHECKED));

    @Test
    void figuresComeBackFromTheirTwelveWords() {
        String abi = FigureCodec.toAbi(FIGURES);

        assertEquals(12 * 64, abi.length());
        assertEquals(FIGURES, FigureCodec.fromAbi(abi));
    }

    @Test
    void wordsThatAreNotFiguresAreRefused() {
        String abi = FigureCodec.toAbi(FIGURES);

        assertThrows(IllegalArgumentException.class, () -> FigureCodec.fromAbi(abi.substring(0, 11 * 64)));
        // a verdict ordinal past the enum's last value
        assertThrows(IllegalArgumentException.class, () -> FigureCodec.fromAbi("00".repeat(31) + "07" + abi.substring(64)));
    }
}
