package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerWrites;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.Unlearning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a deletion request stands on the ledger: anchored alone or in a batch (the provider's inclusion
 * proof checked by the contract itself), and the unlearning that executed it, if recorded yet — all read
 * from the events of its ledger key, with the transactions that wrote them.
 *
 * @param requestId             the request
 * @param batch                 its batch and proof, when batch-anchored
 * @param anchorTransaction     the transaction that anchored it (or its batch)
 * @param unlearning            the execution, once recorded
 * @param unlearningTransaction the transaction that recorded the execution
 */
public record DeletionAnchor(Bytes32 requestId, Optional<LedgerWrites.BatchInclusion> batch, String anchorTransaction,
                             Optional<Unlearning> unlearning, Optional<String> unlearningTransaction) {

    /**
     * @param receipt the model service's receipt of the request
     * @throws IllegalStateException when the request is not anchored, or the proof does not hold on chain
     */
    public static DeletionAnchor read(LedgerClient ledger, Bytes32 requestId, JsonNode receipt) {
        JsonNode batchNode = receipt.path("batch");
        Optional<LedgerWrites.BatchInclusion> batch = Optional.empty();
        if (batchNode.isObject()) {
            Bytes32 root = Bytes32.fromHex(batchNode.path("batchRoot").asText());
            List<Bytes32> siblings = new ArrayList<>();
            batchNode.path("proof").forEach(sibling -> siblings.add(Bytes32.fromHex(sibling.asText())));
            MerkleProof proof = new MerkleProof(DeletionBatchTree.leaf(requestId), siblings);
            if (!ledger.verifiesBatchInclusion(root, requestId, proof)) {
                throw new IllegalStateException("the ledger does not confirm request " + requestId + " in batch " + root);
            }
            batch = Optional.of(new LedgerWrites.BatchInclusion(root, proof));
        }
        Bytes32 target = batch.map(LedgerWrites.BatchInclusion::batchRoot).orElse(requestId);
        List<LedgerEvent> events = ledger.events(EventQuery.byRequest(target));
        String anchored = events.stream()
                .filter(event -> event instanceof LedgerEvent.DeletionRequested || event instanceof LedgerEvent.DeletionBatchAnchored)
                .map(event -> event.position().txHash()).findFirst()
                .orElseThrow(() -> new IllegalStateException("request " + requestId + " is not anchored on the ledger yet"));
        Optional<LedgerEvent.UnlearningRecorded> executed = events.stream()
                .filter(LedgerEvent.UnlearningRecorded.class::isInstance).map(LedgerEvent.UnlearningRecorded.class::cast)
                .findFirst();
        return new DeletionAnchor(requestId, batch, anchored, executed.map(LedgerEvent.UnlearningRecorded::unlearning),
                executed.map(event -> event.position().txHash()));
    }

    /** The ledger key of the anchoring: the batch root, or the request itself. */
    public Bytes32 target() {
        return batch.map(LedgerWrites.BatchInclusion::batchRoot).orElse(requestId);
    }
}
