package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerWrites;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.Unlearning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a deletion request stands on the ledger: anchored alone or in a batch (the provider's inclusion
 * proof checked by the contract itself), and the unlearning that executed it, if recorded yet.
 *
 * @param requestId  the request
 * @param batch      its batch and proof, when batch-anchored
 * @param unlearning the execution, once recorded
 */
public record DeletionAnchor(Bytes32 requestId, Optional<LedgerWrites.BatchInclusion> batch,
                             Optional<Unlearning> unlearning) {

    /**
     * @param receipt the model service's receipt of the request
     * @throws IllegalStateException when the request is not anchored, or the proof does not hold on chain
     */
    public static DeletionAnchor read(LedgerClient ledger, Bytes32 requestId, JsonNode receipt) {
        JsonNode batchNode = receipt.path("batch");
        Optional<LedgerWrites.BatchInclusion> batch = Optional.empty();
        Bytes32 target = requestId;
        if (batchNode.isObject()) {
            Bytes32 root = Bytes32.fromHex(batchNode.path("batchRoot").asText());
            List<Bytes32> siblings = new ArrayList<>();
            batchNode.path("proof").forEach(sibling -> siblings.add(Bytes32.fromHex(sibling.asText())));
            MerkleProof proof = new MerkleProof(DeletionBatchTree.leaf(requestId), siblings);
            if (!ledger.verifiesBatchInclusion(root, requestId, proof)) {
                throw new IllegalStateException("the ledger does not confirm request " + requestId + " in batch " + root);
            }
            batch = Optional.of(new LedgerWrites.BatchInclusion(root, proof));
            target = root;
        } else if (ledger.deletionRequest(requestId).isEmpty()) {
            throw new IllegalStateException("request " + requestId + " is not anchored on the ledger yet");
        }
        return new DeletionAnchor(requestId, batch, ledger.unlearning(target).map(recorded -> recorded.value()));
    }

    /** The ledger key of the anchoring: the batch root, or the request itself. */
    public Bytes32 target() {
        return batch.map(LedgerWrites.BatchInclusion::batchRoot).orElse(requestId);
    }
}
