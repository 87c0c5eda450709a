package org.lethe.modelservice.outbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
        List<Object[]> pending = OutboxEntry.getEntityManager().createQuery(
                "select o.id, o.recordKey from OutboxEntry o where o.kind = ?1 and o.status = ?2 order by o.id", Object[].class)
                .setParameter(1, LedgerRecordKind.DELETION_REQUEST).setParameter(2, OutboxStatus.PENDING)
                .setMaxResults(maxBatchSize).getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        List<Long> entryIds = pending.stream().map(row -> (Long) row[0]).toList();
        List<Bytes32> members = pending.stream().map(row -> Bytes32.fromHex((String) row[1])).toList();
        DeletionBatchTree tree = DeletionBatchTree.of(members);
        DeletionBatchEntity batch = new DeletionBatchEntity();
        batch.batchRoot = tree.batch().batchRoot().toHex();
        batch.requestCount = members.size();
        ArrayNode ids = JsonNodeFactory.instance.arrayNode();
        members.forEach(id -> ids.add(id.toHex()));
        batch.members = ids.toString();
        batch.createdAt = Instant.now();
        batch.persistAndFlush();
        // one statement for the whole batch, not one dirty-checked update per member
        OutboxEntry.update("status = ?1, batchRoot = ?2 where id in ?3", OutboxStatus.BATCHED, batch.batchRoot, entryIds);
        outbox.enqueue(LedgerRecordKind.DELETION_BATCH, tree.batch().batchRoot(), LedgerRecordKind.payload(tree.batch()));
        return members.size();
    }

    /** The batch root and inclusion proof of a batched request. */
    @Transactional
    public Optional<BatchInclusion> inclusion(String batchRoot, Bytes32 requestId) {
        return members(batchRoot).map(members -> {
            MerkleProof proof = DeletionBatchTree.of(members).proof(requestId);
            return new BatchInclusion(batchRoot, proof.siblings().stream().map(Bytes32::toHex).toList());
        });
    }

    /** A batch's request ids in leaf order; empty for an unknown root. */
    @Transactional
    public Optional<List<Bytes32>> members(String batchRoot) {
        return DeletionBatchEntity.<DeletionBatchEntity>findByIdOptional(batchRoot).map(batch -> {
            List<Bytes32> members = new ArrayList<>();
            CanonicalJson.parse(batch.members).forEach(id -> members.add(Bytes32.fromHex(id.asText())));
            return members;
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
