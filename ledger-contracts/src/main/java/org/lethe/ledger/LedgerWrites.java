package org.lethe.ledger;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.ledger.contract.UnlearningLedger;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionBatch;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.LedgerRole;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.VerificationFigures;
import org.web3j.protocol.core.RemoteFunctionCall;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Encodes each contract write from Lethe's record types, with the generated wrapper doing the ABI work. */
public final class LedgerWrites {

    /**
     * Where a batched request sits, for {@link #recordVerification}.
     *
     * @param batchRoot the anchored batch
     * @param proof     the request's inclusion proof in it
     */
    public record BatchInclusion(Bytes32 batchRoot, MerkleProof proof) {
    }

    private final UnlearningLedger contract;

    LedgerWrites(UnlearningLedger contract) {
        this.contract = contract;
    }

    public LedgerWrite grantRole(LedgerRole role, String account) {
        return write("grantRole", contract.grantRole(role.id().toArray(), account));
    }

    public LedgerWrite revokeRole(LedgerRole role, String account) {
        return write("revokeRole", contract.revokeRole(role.id().toArray(), account));
    }

    public LedgerWrite registerModel(Bytes32 modelId) {
        return write("registerModel", contract.registerModel(modelId.toArray()));
    }

    public LedgerWrite recordCheckpoint(Checkpoint checkpoint) {
        return write("recordCheckpoint", contract.recordCheckpoint(checkpoint.modelId().toArray(),
                checkpoint.versionHash().toArray(), checkpoint.weightsHash().toArray(),
                checkpoint.trainingSetRoot().toArray(), checkpoint.transcriptRoot().toArray(),
                checkpoint.parentVersion().orElse(Bytes32.ZERO).toArray()));
    }

    public LedgerWrite recordContribution(Contribution contribution) {
        return write("recordContribution", contract.recordContribution(contribution.contributionRoot().toArray(),
                contribution.subjectIdHash().toArray(), BigInteger.valueOf(contribution.sampleCount())));
    }

    public LedgerWrite commitTrigger(Bytes32 subjectIdHash, Bytes32 commitment) {
        return write("commitTrigger", contract.commitTrigger(subjectIdHash.toArray(), commitment.toArray()));
    }

    public LedgerWrite rotateTrigger(Bytes32 subjectIdHash, Bytes32 commitment) {
        return write("rotateTrigger", contract.rotateTrigger(subjectIdHash.toArray(), commitment.toArray()));
    }

    public LedgerWrite requestDeletion(DeletionRequest request) {
        return write("requestDeletion", contract.requestDeletion(request.requestId().toArray(),
                request.subjectIdHash().toArray(), request.contributionRoot().toArray(),
                BigInteger.valueOf(request.requestedAt().getEpochSecond())));
    }

    public LedgerWrite anchorDeletionBatch(DeletionBatch batch) {
        return write("anchorDeletionBatch",
                contract.anchorDeletionBatch(batch.batchRoot().toArray(), BigInteger.valueOf(batch.count())));
    }

    public LedgerWrite recordUnlearning(Unlearning unlearning) {
        return write("recordUnlearning", contract.recordUnlearning(unlearning.target().toArray(),
                unlearning.modelId().toArray(), unlearning.newVersion().toArray(),
                BigInteger.valueOf(unlearning.strategy().ordinal())));
    }

    /**
     * @param batch empty for a singly anchored request
     */
    public LedgerWrite recordVerification(Bytes32 requestId, Optional<BatchInclusion> batch, VerificationFigures figures) {
        Bytes32 batchRoot = batch.map(BatchInclusion::batchRoot).orElse(Bytes32.ZERO);
        List<byte[]> proof = batch.map(b -> b.proof().siblings().stream().map(Bytes32::toArray).toList())
                .orElse(List.of());
        return write("recordVerification", contract.recordVerification(requestId.toArray(), batchRoot.toArray(),
                proof, FigureCodec.toContract(figures)));
    }

    private static LedgerWrite write(String function, RemoteFunctionCall<?> call) {
        return new LedgerWrite(function, call.encodeFunctionCall());
    }
}
