package org.lethe.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.evidence.merkle.MerkleProofVerifier;
import org.lethe.ledger.contract.UnlearningLedger;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ledger.testing.AnvilLedgerExtension;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lethe.ledger.LedgerFixtures.randomId;

/** Merkle proofs built in Java verify in the contract's OpenZeppelin code, and tampered ones do not. */
@ExtendWith(AnvilLedgerExtension.class)
class BatchInclusionOnChainTest {

    private final AnvilLedger ledger;
    private final LedgerClient provider;

    BatchInclusionOnChainTest(AnvilLedger ledger) {
        this.ledger = ledger;
        this.provider = ledger.client(ledger.provider());
    }

    @Test
    void javaBatchLeafEqualsTheContractsBatchLeaf() throws Exception {
        Web3j web3j = Web3j.build(new HttpService(ledger.node().rpcUrl()));
        try {
            UnlearningLedger contract = UnlearningLedger.load(ledger.contractAddress(), web3j,
                    new ReadonlyTransactionManager(web3j, ledger.outsider().getAddress()), new DefaultGasProvider());
            Bytes32 requestId = randomId();

            assertEquals(DeletionBatchTree.leaf(requestId), Bytes32.of(contract.batchLeaf(requestId.toArray()).send()));
        } finally {
            web3j.shutdown();
        }
    }

    @Test
    void everyJavaProofOfA1000RequestBatchVerifiesOnChain() {
        List<Bytes32> requests = IntStream.range(0, 1000).mapToObj(i -> randomId()).toList();
        DeletionBatchTree tree = DeletionBatchTree.of(requests);
        provider.anchorDeletionBatch(tree.batch());

        for (int i = 0; i < requests.size(); i += 97) {
            assertTrue(provider.verifiesBatchInclusion(tree.batch().batchRoot(), requests.get(i), tree.proof(requests.get(i))),
                    "proof of request " + i);
        }
        Bytes32 last = requests.get(requests.size() - 1);
        assertTrue(provider.verifiesBatchInclusion(tree.batch().batchRoot(), last, tree.proof(last)));
    }

    @Test
    void tamperedProofsAreRejectedOnChainAndInJava() {
        List<Bytes32> requests = IntStream.range(0, 13).mapToObj(i -> randomId()).toList();
        DeletionBatchTree tree = DeletionBatchTree.of(requests);
        provider.anchorDeletionBatch(tree.batch());
        MerkleProof proof = tree.proof(requests.get(6));
        List<Bytes32> siblings = new ArrayList<>(proof.siblings());
        byte[] flipped = siblings.get(2).toArray();
        flipped[31] ^= 1;
        siblings.set(2, Bytes32.of(flipped));
        MerkleProof tampered = new MerkleProof(proof.leaf(), siblings);

        assertTrue(provider.verifiesBatchInclusion(tree.batch().batchRoot(), requests.get(6), proof));
        assertFalse(provider.verifiesBatchInclusion(tree.batch().batchRoot(), requests.get(6), tampered));
        assertFalse(provider.verifiesBatchInclusion(tree.batch().batchRoot(), requests.get(7), proof),
                "another request's id with this proof");
        assertFalse(provider.verifiesBatchInclusion(randomId(), requests.get(6), proof), "a batch never anchored");
        assertFalse(MerkleProofVerifier.computeRoot(tampered).equals(tree.batch().batchRoot()));
    }
}
