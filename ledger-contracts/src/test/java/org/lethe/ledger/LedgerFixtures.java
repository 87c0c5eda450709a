package org.lethe.ledger;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Fresh identifiers and records for ledger tests; every test uses its own, so tests share one node. */
final class LedgerFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LedgerFixtures() {
    }

    static Bytes32 randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HashAlgorithm.SHA_256.hash(bytes);
    }

    static Checkpoint firstVersion(Bytes32 modelId) {
        return new Checkpoint(modelId, randomId(), randomId(), randomId(), randomId(), Optional.empty());
    }

    static Checkpoint childVersion(Bytes32 modelId, Bytes32 parent) {
        return new Checkpoint(modelId, randomId(), randomId(), randomId(), randomId(), Optional.of(parent));
    }

    static Contribution contribution(Bytes32 subject) {
        return new Contribution(randomId(), subject, 150);
    }

    static DeletionRequest deletionRequest(Contribution contribution) {
        return new DeletionRequest(randomId(), contribution.subjectIdHash(), contribution.contributionRoot(),
                Instant.ofEpochSecond(Instant.now().getEpochSecond() - 5));
    }

    static VerificationFigures certified() {
        return new VerificationFigures(Verdict.CERTIFIED, 20, 1, 0.001, 0.0005, 0.05, -0.25, randomId(),
                new VerificationLayers(LayerState.PASSED, LayerState.PASSED, LayerState.PASSED, LayerState.PASSED));
    }
}
