package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.evidence.merkle.MerkleTree;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle tree of a batch of deletion requests, built exactly as the contract checks it:
 * leaf = {@code keccak256(0x00 ‖ requestId)}, pairs hashed in sorted order.
 */
public final class DeletionBatchTree {

    private static final byte[] LEAF_PREFIX = {0x00};

    private final MerkleTree tree;
    private final Map<Bytes32, Integer> positions;

    private DeletionBatchTree(MerkleTree tree, Map<Bytes32, Integer> positions) {
        this.tree = tree;
        this.positions = positions;
    }

    /**
     * @throws IllegalArgumentException if there are no requests or one appears twice
     */
    public static DeletionBatchTree of(List<Bytes32> requestIds) {
        Map<Bytes32, Integer> positions = new HashMap<>();
        for (int i = 0; i < requestIds.size(); i++) {
            if (positions.put(requestIds.get(i), i) != null) {
                throw new IllegalArgumentException("request " + requestIds.get(i) + " appears twice in the batch");
            }
        }
        return new DeletionBatchTree(MerkleTree.build(requestIds.stream().map(DeletionBatchTree::leaf).toList()),
                positions);
    }

    /** The leaf a request occupies, as the contract's {@code batchLeaf}. */
    public static Bytes32 leaf(Bytes32 requestId) {
        return HashAlgorithm.KECCAK_256.hash(LEAF_PREFIX, requestId.toArray());
    }

    public DeletionBatch batch() {
        return new DeletionBatch(tree.root(), tree.leafCount());
    }

    /**
     * @throws IllegalArgumentException if the request is not in this batch
     */
    public MerkleProof proof(Bytes32 requestId) {
        Integer position = positions.get(requestId);
        if (position == null) {
            throw new IllegalArgumentException("request " + requestId + " is not in batch " + tree.root());
        }
        return tree.proof(position);
    }
}
