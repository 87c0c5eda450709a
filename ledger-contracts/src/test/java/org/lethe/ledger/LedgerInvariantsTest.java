package org.lethe.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionBatch;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.LedgerRole;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;
import org.lethe.ledger.revert.ContractError;
import org.lethe.ledger.revert.DuplicateRecordException;
import org.lethe.ledger.revert.InvariantViolationException;
import org.lethe.ledger.revert.LedgerAccessDeniedException;
import org.lethe.ledger.revert.LedgerRevertException;
import org.lethe.ledger.revert.UnknownRecordException;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ledger.testing.AnvilLedgerExtension;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lethe.ledger.LedgerFixtures.certified;
import static org.lethe.ledger.LedgerFixtures.childVersion;
import static org.lethe.ledger.LedgerFixtures.contribution;
import static org.lethe.ledger.LedgerFixtures.deletionRequest;
import static org.lethe.ledger.LedgerFixtures.firstVersion;
import static org.lethe.ledger.LedgerFixtures.randomId;

/**
 * Every invariant the contract guards reverts with its custom error, surfaces as the typed Java
 * exception with the offending values, and leaves the chain as it was (no block is mined).
 */
@ExtendWith(AnvilLedgerExtension.class)
class LedgerInvariantsTest {

    private final LedgerClient provider;
    private final LedgerClient verifier;
    private final LedgerClient outsider;
    private final AnvilLedger ledger;

    LedgerInvariantsTest(AnvilLedger ledger) {
        this.ledger = ledger;
        this.provider = ledger.client(ledger.provider());
        this.verifier = ledger.client(ledger.verifier());
        this.outsider = ledger.client(ledger.outsider());
    }

    @Test
    void accountWithoutTheRoleIsRefused() {
        Bytes32 modelId = randomId();

        LedgerAccessDeniedException error = refused(LedgerAccessDeniedException.class,
                ContractError.AccessControlUnauthorizedAccount, () -> outsider.registerModel(modelId));

        assertEquals(ledger.outsider().getAddress().toLowerCase(), error.arguments().get("account").toString().toLowerCase());
        assertTrue(provider.model(modelId).isEmpty());
        refused(LedgerAccessDeniedException.class, ContractError.AccessControlUnauthorizedAccount,
                () -> provider.commitTrigger(randomId(), randomId()));
        refused(LedgerAccessDeniedException.class, ContractError.AccessControlUnauthorizedAccount,
                () -> verifier.recordContribution(contribution(randomId())));
    }

    @Test
    void anotherProvidersModelIsRefused() {
        Bytes32 modelId = randomId();
        provider.registerModel(modelId);
        LedgerClient secondProvider = secondProvider();

        LedgerAccessDeniedException error = refused(LedgerAccessDeniedException.class, ContractError.NotModelProvider,
                () -> secondProvider.recordCheckpoint(firstVersion(modelId)));

        assertEquals(modelId, error.arguments().get("modelId"));
        assertEquals(0, provider.model(modelId).orElseThrow().value().versionCount());
    }

    @Test
    void duplicatesAreRefusedAndKeepTheFirstRecord() {
        Bytes32 modelId = randomId();
        Checkpoint first = firstVersion(modelId);
        Contribution contribution = contribution(randomId());
        DeletionRequest request = deletionRequest(contribution);
        provider.registerModel(modelId);
        provider.recordCheckpoint(first);
        provider.recordContribution(contribution);
        provider.requestDeletion(request);
        Bytes32 subject = randomId();
        Bytes32 commitment = randomId();
        verifier.commitTrigger(subject, commitment);

        assertEquals(modelId, refused(DuplicateRecordException.class, ContractError.ModelAlreadyRegistered,
                () -> provider.registerModel(modelId)).arguments().get("modelId"));
        assertEquals(first.versionHash(), refused(DuplicateRecordException.class, ContractError.VersionAlreadyRecorded,
                () -> provider.recordCheckpoint(new Checkpoint(modelId, first.versionHash(), randomId(), randomId(), randomId(),
                        Optional.of(first.versionHash())))).arguments().get("versionHash"));
        refused(DuplicateRecordException.class, ContractError.ContributionAlreadyRecorded,
                () -> provider.recordContribution(new Contribution(contribution.contributionRoot(), randomId(), 3)));
        assertEquals(request.requestId(), refused(DuplicateRecordException.class, ContractError.DeletionAlreadyRequested,
                () -> provider.requestDeletion(request)).arguments().get("requestId"));
        assertEquals(commitment, refused(DuplicateRecordException.class, ContractError.TriggerAlreadyCommitted,
                () -> verifier.commitTrigger(subject, randomId())).arguments().get("commitment"));
        refused(DuplicateRecordException.class, ContractError.SameTriggerCommitment,
                () -> verifier.rotateTrigger(subject, commitment));

        assertEquals(first, provider.checkpoint(first.versionHash()).orElseThrow().value());
        assertEquals(contribution, provider.contribution(contribution.contributionRoot()).orElseThrow().value());
        assertEquals(commitment, verifier.triggerCommitment(subject).orElseThrow().value().commitment());
    }

    @Test
    void versionsMustChainWithinTheirModel() {
        Bytes32 modelId = randomId();
        Bytes32 otherModel = randomId();
        provider.registerModel(modelId);
        provider.registerModel(otherModel);
        Checkpoint first = firstVersion(modelId);
        Checkpoint otherFirst = firstVersion(otherModel);

        refused(UnknownRecordException.class, ContractError.UnknownModel, () -> provider.recordCheckpoint(firstVersion(randomId())));
        Bytes32 missingParent = randomId();
        assertEquals(missingParent, refused(UnknownRecordException.class, ContractError.UnknownParentVersion,
                () -> provider.recordCheckpoint(childVersion(modelId, missingParent))).arguments().get("parentVersion"));
        provider.recordCheckpoint(first);
        provider.recordCheckpoint(otherFirst);
        assertEquals(first.versionHash(), refused(InvariantViolationException.class, ContractError.ParentVersionRequired,
                () -> provider.recordCheckpoint(firstVersion(modelId))).arguments().get("latestVersion"));
        refused(UnknownRecordException.class, ContractError.UnknownParentVersion,
                () -> provider.recordCheckpoint(childVersion(modelId, otherFirst.versionHash())));
        assertEquals("weightsHash", refused(InvariantViolationException.class, ContractError.ZeroValue,
                () -> provider.recordCheckpoint(new Checkpoint(modelId, randomId(), Bytes32.ZERO, randomId(), randomId(),
                        Optional.of(first.versionHash())))).arguments().get("field"));
        assertEquals("transcriptRoot", refused(InvariantViolationException.class, ContractError.ZeroValue,
                () -> provider.recordCheckpoint(new Checkpoint(modelId, randomId(), randomId(), randomId(), Bytes32.ZERO,
                        Optional.of(first.versionHash())))).arguments().get("field"));

        assertEquals(1, provider.model(modelId).orElseThrow().value().versionCount());
    }

    @Test
    void contributionsAndBatchesMustNotBeEmpty() {
        Bytes32 root = randomId();

        refused(InvariantViolationException.class, ContractError.EmptyContribution,
                () -> provider.recordContribution(new Contribution(root, randomId(), 0)));
        refused(InvariantViolationException.class, ContractError.EmptyBatch,
                () -> provider.anchorDeletionBatch(new DeletionBatch(root, 0)));

        assertTrue(provider.contribution(root).isEmpty());
        assertTrue(provider.deletionBatch(root).isEmpty());
    }

    @Test
    void triggerRotationNeedsACommitment() {
        Bytes32 subject = randomId();

        refused(UnknownRecordException.class, ContractError.NoTriggerCommitted, () -> verifier.rotateTrigger(subject, randomId()));

        assertTrue(verifier.triggerCommitment(subject).isEmpty());
    }

    @Test
    void deletionRequestFromTheFutureIsRefused() {
        Contribution contribution = contribution(randomId());
        DeletionRequest future = new DeletionRequest(randomId(), contribution.subjectIdHash(),
                contribution.contributionRoot(), Instant.now().plusSeconds(3600));

        LedgerRevertException error = refused(InvariantViolationException.class, ContractError.RequestedInFuture,
                () -> provider.requestDeletion(future));

        assertEquals(BigInteger.valueOf(future.requestedAt().getEpochSecond()), error.arguments().get("requestedAt"));
        assertTrue(provider.deletionRequest(future.requestId()).isEmpty());
    }

    @Test
    void unlearningNeedsAKnownDeletionAndVersionAndHappensOnce() {
        TwoVersions model = recordedModelWithTwoVersions();
        Bytes32 modelId = model.modelId();
        Checkpoint before = model.before();
        Checkpoint after = model.after();
        DeletionRequest request = deletionRequest(contribution(randomId()));

        Bytes32 unknownTarget = randomId();
        assertEquals(unknownTarget, refused(UnknownRecordException.class, ContractError.UnknownDeletion,
                () -> provider.recordUnlearning(new Unlearning(unknownTarget, modelId, after.versionHash(),
                        UnlearningStrategy.SISA))).arguments().get("target"));
        provider.requestDeletion(request);
        refused(UnknownRecordException.class, ContractError.UnknownVersion,
                () -> provider.recordUnlearning(new Unlearning(request.requestId(), modelId, randomId(), UnlearningStrategy.SISA)));
        provider.recordUnlearning(new Unlearning(request.requestId(), modelId, after.versionHash(), UnlearningStrategy.SISA));
        assertEquals(after.versionHash(), refused(DuplicateRecordException.class, ContractError.DeletionAlreadyExecuted,
                () -> provider.recordUnlearning(new Unlearning(request.requestId(), modelId, before.versionHash(),
                        UnlearningStrategy.NONE))).arguments().get("newVersion"));

        assertEquals(after.versionHash(), provider.unlearning(request.requestId()).orElseThrow().value().newVersion());
    }

    @Test
    void verificationNeedsAnExecutedRequestSaneFiguresAndIsFinalOnceDecided() {
        TwoVersions model = recordedModelWithTwoVersions();
        Bytes32 modelId = model.modelId();
        Checkpoint before = model.before();
        Checkpoint after = model.after();
        DeletionRequest request = deletionRequest(contribution(randomId()));

        refused(UnknownRecordException.class, ContractError.UnknownDeletion,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(), certified()));
        provider.requestDeletion(request);
        refused(InvariantViolationException.class, ContractError.DeletionNotExecuted,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(), certified()));
        provider.recordUnlearning(new Unlearning(request.requestId(), modelId, after.versionHash(), UnlearningStrategy.SISA));
        LedgerRevertException badCounts = refused(InvariantViolationException.class, ContractError.InvalidFigures,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(),
                        new VerificationFigures(Verdict.CERTIFIED, 10, 11, 0.001, 0.001, 0.1, 0, randomId(), VerificationLayers.statisticsOnly(LayerState.PASSED))));
        assertEquals(BigInteger.valueOf(11), badCounts.arguments().get("targetHits"));
        refused(InvariantViolationException.class, ContractError.InvalidFigures,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(),
                        new VerificationFigures(Verdict.CERTIFIED, 0, 0, 0.001, 0.001, 0, 0, randomId(), VerificationLayers.statisticsOnly(LayerState.PASSED))));
        assertEquals("alpha", refused(InvariantViolationException.class, ContractError.RateAboveOne,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(),
                        new VerificationFigures(Verdict.CERTIFIED, 10, 1, 1.5, 0.001, 0.1, 0, randomId(), VerificationLayers.statisticsOnly(LayerState.PASSED))))
                .arguments().get("field"));
        // a verdict no evidence could give: certified over a failed replay, refuted with every layer passed,
        // inconclusive over a kept backdoor
        LedgerRevertException certifiedOverFailure = refused(InvariantViolationException.class,
                ContractError.LayersContradictVerdict, () -> verifier.recordVerification(request.requestId(),
                        Optional.empty(), withLayers(Verdict.CERTIFIED, LayerState.PASSED, LayerState.FAILED,
                                LayerState.PASSED, LayerState.PASSED)));
        assertEquals(List.of(BigInteger.valueOf(Verdict.CERTIFIED.ordinal()), BigInteger.ONE, BigInteger.TWO,
                BigInteger.ONE, BigInteger.ONE), List.of(certifiedOverFailure.arguments().get("verdict"),
                certifiedOverFailure.arguments().get("data"), certifiedOverFailure.arguments().get("computation"),
                certifiedOverFailure.arguments().get("serving"), certifiedOverFailure.arguments().get("statistics")));
        refused(InvariantViolationException.class, ContractError.LayersContradictVerdict,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(), withLayers(Verdict.CERTIFIED,
                        LayerState.UNDECIDED, LayerState.NOT_CHECKED, LayerState.PASSED, LayerState.PASSED)));
        refused(InvariantViolationException.class, ContractError.LayersContradictVerdict,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(), withLayers(Verdict.NOT_DELETED,
                        LayerState.PASSED, LayerState.PASSED, LayerState.FAILED, LayerState.PASSED)));
        refused(InvariantViolationException.class, ContractError.LayersContradictVerdict,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(), withLayers(Verdict.INCONCLUSIVE,
                        LayerState.PASSED, LayerState.NOT_CHECKED, LayerState.PASSED, LayerState.FAILED)));
        assertTrue(verifier.verification(request.requestId()).isEmpty());

        verifier.recordVerification(request.requestId(), Optional.empty(),
                withLayers(Verdict.INCONCLUSIVE, LayerState.PASSED, LayerState.NOT_CHECKED, LayerState.FAILED,
                        LayerState.UNDECIDED));
        VerificationFigures decided = certified();
        verifier.recordVerification(request.requestId(), Optional.empty(), decided);
        refused(DuplicateRecordException.class, ContractError.AlreadyVerified,
                () -> verifier.recordVerification(request.requestId(), Optional.empty(), certified()));

        assertEquals(decided, verifier.verification(request.requestId()).orElseThrow().value().figures());
    }

    @Test
    void batchedVerificationNeedsAValidInclusionProof() {
        Bytes32 modelId = randomId();
        Checkpoint before = firstVersion(modelId);
        Checkpoint after = childVersion(modelId, before.versionHash());
        List<Bytes32> requests = List.of(randomId(), randomId(), randomId());
        DeletionBatchTree tree = DeletionBatchTree.of(requests);
        Bytes32 outside = randomId();
        provider.registerModel(modelId);
        provider.recordCheckpoint(before);
        provider.recordCheckpoint(after);
        provider.anchorDeletionBatch(tree.batch());
        provider.recordUnlearning(new Unlearning(tree.batch().batchRoot(), modelId, after.versionHash(), UnlearningStrategy.SISA));

        LedgerRevertException error = refused(InvariantViolationException.class, ContractError.NotInBatch,
                () -> verifier.recordVerification(outside, Optional.of(new LedgerWrites.BatchInclusion(
                        tree.batch().batchRoot(), tree.proof(requests.get(0)))), certified()));

        assertEquals(outside, error.arguments().get("requestId"));
        assertTrue(verifier.verification(outside).isEmpty());
    }

    private record TwoVersions(Bytes32 modelId, Checkpoint before, Checkpoint after) {
    }

    /** A registered model with a first version and a child of it, both recorded. */
    private TwoVersions recordedModelWithTwoVersions() {
        Bytes32 modelId = randomId();
        Checkpoint before = firstVersion(modelId);
        Checkpoint after = childVersion(modelId, before.versionHash());
        provider.registerModel(modelId);
        provider.recordCheckpoint(before);
        provider.recordCheckpoint(after);
        return new TwoVersions(modelId, before, after);
    }

    /** Asserts the typed exception and error, and that nothing was mined: the pre-flight refused it. */
    private <T extends LedgerRevertException> T refused(Class<T> type, ContractError expected, Executable call) {
        long blockBefore = provider.blockNumber();
        T error = assertThrows(type, call);
        assertEquals(expected, error.error(), error.getMessage());
        assertTrue(error.getMessage().contains(expected.name()), error.getMessage());
        assertEquals(blockBefore, provider.blockNumber(), "a refused write must not reach the chain");
        return error;
    }

    private LedgerClient secondProvider() {
        return ledger.client(ledger.newAccountWith(LedgerRole.PROVIDER));
    }

    /** Figures a decided test could give, with the verdict and layers as given. */
    private static VerificationFigures withLayers(Verdict verdict, LayerState data, LayerState computation,
                                                  LayerState serving, LayerState statistics) {
        return new VerificationFigures(verdict, 10, verdict == Verdict.NOT_DELETED ? 9 : 1, 0.001, 0.001, 0.1, 0,
                randomId(), new VerificationLayers(data, computation, serving, statistics));
    }
}
