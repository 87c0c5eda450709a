package org.lethe.ledger;

import org.junit.jupiter.api.Test;
import org.lethe.ledger.revert.ContractError;
import org.lethe.ledger.revert.RevertDecoder;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractErrorMappingTest {

    @Test
    void everyAbiErrorHasAJavaMappingAndEveryMappingIsInTheAbi() {
        RevertDecoder decoder = RevertDecoder.forUnlearningLedger();

        Set<ContractError> inAbi = EnumSet.copyOf(decoder.knownErrors());

        assertEquals(EnumSet.allOf(ContractError.class), inAbi);
    }

    @Test
    void unknownRevertDataIsNotMistakenForAContractError() {
        RevertDecoder decoder = RevertDecoder.forUnlearningLedger();

        assertTrue(decoder.decode("f", "0xdeadbeef").isEmpty());
        assertTrue(decoder.decode("f", "0x").isEmpty());
        assertTrue(decoder.decode("f", "execution reverted").isEmpty());
    }
}
