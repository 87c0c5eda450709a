package org.lethe.modelservice.outbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.ledger.record.DeletionBatchTree;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds pending deletion-request writes into batches: the members and root are stored and the
 * members marked BATCHED in one transaction, before the batch's single write is sent.
 */
@ApplicationScoped
public class DeletionBatcher {

    private final LedgerOutbox outbox;

    public DeletionBatcher(LedgerOutbox outbox) {
        this.outbox = outbox;
    }

    /** @return how many requests were batched */
    @Transactional
    public int batchPending(int maxBatchSize) {
        List<OutboxEntry> pending = OutboxEntry.<OutboxEntry>find("kind = ?1 and status = ?2", Sort.by("id"),
                LedgerRecordKind.DELETION_REQUEST, OutboxStatus.PENDING).page(0, maxBatchSize).list();
        if (pending.isEmpty()) {
            return 0;
        }
        List<Bytes32> members = pending.stream().map(entry -> Bytes32.fromHex(entry.recordKey)).toList();
        DeletionBatchTree tree = DeletionBatchTree.of(members);
        DeletionBatchEntity batch = new DeletionBatchEntity();
        batch.batchRoot = tree.batch().batchRoot().toHex();
        batch.requestCount = members.size();
        ArrayNode ids = JsonNodeFactory.instance.arrayNode();
        members.forEach(id -> ids.add(id.toHex()));
        batch.members = ids.toString();
        batch.createdAt = Instant.now();
        batch.persist();
        for (OutboxEntry entry : pending) {
            entry.status = OutboxStatus.BATCHED;
            entry.batchRoot = batch.batchRoot;
        }
        outbox.enqueue(LedgerRecordKind.DELETION_BATCH, tree.batch().batchRoot(), LedgerRecordKind.payload(tree.batch()));
        return members.size();
    }

    /** The batch root and inclusion proof of a batched request. */
    @Transactional
    public Optional<BatchInclusion> inclusion(String batchRoot, Bytes32 requestId) {
        return DeletionBatchEntity.<DeletionBatchEntity>findByIdOptional(batchRoot).map(batch -> {
            List<Bytes32> members = new ArrayList<>();
            CanonicalJson.parse(batch.members).forEach(id -> members.add(Bytes32.fromHex(id.asText())));
            MerkleProof proof = DeletionBatchTree.of(members).proof(requestId);
            return new BatchInclusion(batch.batchRoot, proof.siblings().stream().map(Bytes32::toHex).toList());
        });
    }

    /**
     * Where a request sits in its batch.
     *
     * @param batchRoot the anchored root
     * @param proof     sibling hashes from the request's leaf {@code keccak256(0x00 ‖ requestId)} up to the root
     */
    public record BatchInclusion(String batchRoot, List<String> proof) {
    }
}
