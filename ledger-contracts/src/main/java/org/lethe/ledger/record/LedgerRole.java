package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.nio.charset.StandardCharsets;

/** The contract's access-control roles, with their {@code keccak256} identifiers. */
public enum LedgerRole {
    ADMIN(Bytes32.ZERO),
    PROVIDER(HashAlgorithm.KECCAK_256.hash("PROVIDER_ROLE".getBytes(StandardCharsets.US_ASCII))),
    VERIFIER(HashAlgorithm.KECCAK_256.hash("VERIFIER_ROLE".getBytes(StandardCharsets.US_ASCII)));

    private final Bytes32 id;

    LedgerRole(Bytes32 id) {
        this.id = id;
    }

    public Bytes32 id() {
        return id;
    }
}
