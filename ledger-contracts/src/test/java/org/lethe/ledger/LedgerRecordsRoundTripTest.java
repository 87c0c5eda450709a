package org.lethe.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionBatch;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.LedgerRole;
import org.lethe.ledger.record.ModelRegistration;
import org.lethe.ledger.record.Recorded;
import org.lethe.ledger.record.TriggerCommitment;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.Verification;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ledger.testing.AnvilLedgerExtension;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lethe.ledger.LedgerFixtures.certified;
import static org.lethe.ledger.LedgerFixtures.childVersion;
import static org.lethe.ledger.LedgerFixtures.contribution;
import static org.lethe.ledger.LedgerFixtures.deletionRequest;
import static org.lethe.ledger.LedgerFixtures.firstVersion;
import static org.lethe.ledger.LedgerFixtures.randomId;

/** Every record type written through {@link LedgerClient} reads back as written, from a real Anvil node. */
@ExtendWith(AnvilLedgerExtension.class)
class LedgerRecordsRoundTripTest {

    private final LedgerClient provider;
    private final LedgerClient verifier;
    private final AnvilLedger ledger;

    LedgerRecordsRoundTripTest(AnvilLedger ledger) {
        this.ledger = ledger;
        this.provider = ledger.client(ledger.provider());
        this.verifier = ledger.client(ledger.verifier());
    }

    @Test
    void rolesAreGrantedToTheirAccountsOnly() {
        assertTrue(provider.hasRole(LedgerRole.PROVIDER, ledger.provider().getAddress()));
        assertTrue(provider.hasRole(LedgerRole.VERIFIER, ledger.verifier().getAddress()));
        assertTrue(provider.hasRole(LedgerRole.ADMIN, ledger.admin().getAddress()));
        assertFalse(provider.hasRole(LedgerRole.PROVIDER, ledger.outsider().getAddress()));
    }

    @Test
    void modelAndVersionChainRoundTrip() {
        Bytes32 modelId = randomId();
        Checkpoint first = firstVersion(modelId);
        Checkpoint second = childVersion(modelId, first.versionHash());

        LedgerReceipt registered = provider.registerModel(modelId);
        provider.recordCheckpoint(first);
        LedgerReceipt recorded = provider.recordCheckpoint(second);

        assertTrue(registered.gasUsed() > 0 && recorded.blockNumber() > registered.blockNumber());
        Recorded<ModelRegistration> model = provider.model(modelId).orElseThrow();
        assertEquals(new ModelRegistration(modelId, ledger.provider().getAddress().toLowerCase(), 2,
                Optional.of(second.versionHash())), withLowerCaseProvider(model.value()));
        assertEquals(first, provider.checkpoint(first.versionHash()).orElseThrow().value());
        assertEquals(second, provider.checkpoint(second.versionHash()).orElseThrow().value());
    }

    @Test
    void contributionRoundTrips() {
        Contribution contribution = contribution(randomId());

        provider.recordContribution(contribution);

        assertEquals(contribution, provider.contribution(contribution.contributionRoot()).orElseThrow().value());
    }

    @Test
    void triggerCommitmentAndRotationRoundTrip() {
        Bytes32 subject = randomId();
        Bytes32 first = randomId();
        Bytes32 second = randomId();

        verifier.commitTrigger(subject, first);
        assertEquals(new TriggerCommitment(subject, first, 0), verifier.triggerCommitment(subject).orElseThrow().value());
        verifier.rotateTrigger(subject, second);

        assertEquals(new TriggerCommitment(subject, second, 1), verifier.triggerCommitment(subject).orElseThrow().value());
    }

    @Test
    void deletionRequestUnlearningAndVerificationRoundTrip() {
        Bytes32 modelId = randomId();
        Checkpoint before = firstVersion(modelId);
        Checkpoint after = childVersion(modelId, before.versionHash());
        Contribution contribution = contribution(randomId());
        DeletionRequest request = deletionRequest(contribution);
        provider.registerModel(modelId);
        provider.recordCheckpoint(before);
        provider.recordContribution(contribution);

        provider.requestDeletion(request);
        provider.recordCheckpoint(after);
        Unlearning unlearning = new Unlearning(request.requestId(), modelId, after.versionHash(), UnlearningStrategy.SISA);
        provider.recordUnlearning(unlearning);
        VerificationFigures figures = certified();
        verifier.recordVerification(request.requestId(), Optional.empty(), figures);

        assertEquals(request, provider.deletionRequest(request.requestId()).orElseThrow().value());
        assertEquals(unlearning, provider.unlearning(request.requestId()).orElseThrow().value());
        assertEquals(new Verification(request.requestId(), Optional.empty(), figures),
                provider.verification(request.requestId()).orElseThrow().value());
    }

    @Test
    void batchedRequestIsExecutedAndVerifiedThroughItsInclusionProof() {
        Bytes32 modelId = randomId();
        Checkpoint before = firstVersion(modelId);
        Checkpoint after = childVersion(modelId, before.versionHash());
        List<Bytes32> requests = List.of(randomId(), randomId(), randomId(), randomId(), randomId());
        DeletionBatchTree tree = DeletionBatchTree.of(requests);
        provider.registerModel(modelId);
        provider.recordCheckpoint(before);

        provider.anchorDeletionBatch(tree.batch());
        provider.recordCheckpoint(after);
        provider.recordUnlearning(new Unlearning(tree.batch().batchRoot(), modelId, after.versionHash(),
                UnlearningStrategy.RETRAIN));
        VerificationFigures figures = new VerificationFigures(Verdict.INCONCLUSIVE, 12, 3, 0.001, 0.2, 0.25, 1.5,
                randomId(), new VerificationLayers(LayerState.PASSED, LayerState.NOT_CHECKED, LayerState.FAILED,
                LayerState.UNDECIDED));
        verifier.recordVerification(requests.get(3),
                Optional.of(new LedgerWrites.BatchInclusion(tree.batch().batchRoot(), tree.proof(requests.get(3)))),
                figures);

        assertEquals(new DeletionBatch(tree.batch().batchRoot(), 5),
                provider.deletionBatch(tree.batch().batchRoot()).orElseThrow().value());
        assertEquals(new Verification(requests.get(3), Optional.of(tree.batch().batchRoot()), figures),
                provider.verification(requests.get(3)).orElseThrow().value());
    }

    @Test
    void absentRecordsReadAsEmpty() {
        Bytes32 unknown = randomId();

        assertTrue(provider.model(unknown).isEmpty());
        assertTrue(provider.checkpoint(unknown).isEmpty());
        assertTrue(provider.contribution(unknown).isEmpty());
        assertTrue(provider.triggerCommitment(unknown).isEmpty());
        assertTrue(provider.deletionRequest(unknown).isEmpty());
        assertTrue(provider.deletionBatch(unknown).isEmpty());
        assertTrue(provider.unlearning(unknown).isEmpty());
        assertTrue(provider.verification(unknown).isEmpty());
    }

    private static ModelRegistration withLowerCaseProvider(ModelRegistration model) {
        return new ModelRegistration(model.modelId(), model.provider().toLowerCase(), model.versionCount(),
                model.latestVersion());
    }
}
