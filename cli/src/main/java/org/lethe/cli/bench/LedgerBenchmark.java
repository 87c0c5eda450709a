package org.lethe.cli.bench;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerClientConfig;
import org.lethe.ledger.LedgerReceipt;
import org.lethe.ledger.LedgerWrite;
import org.lethe.ledger.node.AnvilNode;
import org.lethe.ledger.node.LedgerDeployer;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.LedgerRole;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Measures the ledger on a fresh Anvil node that mines each transaction at once: gas of the typical
 * writes (medians of several), write throughput sequential (each write pre-flighted and awaited) and
 * pipelined (sent back to back, receipts awaited after), and deletion requests anchored per second
 * through Merkle batches (tree building, transactions and receipts included).
 */
final class LedgerBenchmark {

    private static final int GAS_SAMPLES = 9;
    private static final int WARM_UP_WRITES = 100;

    /** The figures, named as {@code docs/benchmarks.md} reports them. */
    record Result(String node, long requestDeletionGas, long recordCheckpointGas, long recordVerificationGas,
                  long anchorDeletionBatchGas, int transactions, double sequentialTxPerSecond,
                  double pipelinedTxPerSecond, int batches, int batchSize, double anchoredRequestsPerSecond) {
    }

    private final int transactions;
    private final int batches;
    private final int batchSize;
    private final SecureRandom random = new SecureRandom();

    LedgerBenchmark(int transactions, int batches, int batchSize) {
        this.transactions = transactions;
        this.batches = batches;
        this.batchSize = batchSize;
    }

    Result run() throws Exception {
        try (AnvilNode node = AnvilNode.start()) {
            Credentials admin = Credentials.create(Keys.createEcKeyPair());
            Credentials providerAccount = Credentials.create(Keys.createEcKeyPair());
            Credentials verifierAccount = Credentials.create(Keys.createEcKeyPair());
            LedgerClientConfig config = LedgerClientConfig.instantMining();
            String contract = LedgerDeployer.deploy(node.rpcUrl(), admin, AnvilNode.CHAIN_ID, config.receiptPollInterval());
            try (LedgerClient adminClient = LedgerClient.connect(node.rpcUrl(), admin, contract, config);
                 LedgerClient provider = LedgerClient.connect(node.rpcUrl(), providerAccount, contract, config);
                 LedgerClient verifier = LedgerClient.connect(node.rpcUrl(), verifierAccount, contract, config)) {
                adminClient.grantRole(LedgerRole.PROVIDER, providerAccount.getAddress());
                adminClient.grantRole(LedgerRole.VERIFIER, verifierAccount.getAddress());

                GasFigures gas = measureGas(provider, verifier);
                provider.submitAll(deletionWrites(provider, WARM_UP_WRITES));
                double sequential = sequentialRate(provider);
                double pipelined = pipelinedRate(provider);
                double anchored = anchoredRate(provider);
                return new Result("anvil " + node.rpcUrl() + " (instant mining)", gas.requestDeletion, gas.checkpoint,
                        gas.verification, gas.batch, transactions, sequential, pipelined, batches, batchSize, anchored);
            }
        }
    }

    private record GasFigures(long requestDeletion, long checkpoint, long verification, long batch) {
    }

    private GasFigures measureGas(LedgerClient provider, LedgerClient verifier) {
        Bytes32 modelId = randomId();
        provider.registerModel(modelId);
        Bytes32 parent = randomId();
        provider.recordCheckpoint(new Checkpoint(modelId, parent, randomId(), randomId(), randomId(), Optional.empty()));
        long[] requestGas = new long[GAS_SAMPLES];
        long[] checkpointGas = new long[GAS_SAMPLES];
        long[] verificationGas = new long[GAS_SAMPLES];
        long[] batchGas = new long[GAS_SAMPLES];
        for (int i = 0; i < GAS_SAMPLES; i++) {
            DeletionRequest request = deletionRequest();
            requestGas[i] = provider.requestDeletion(request).gasUsed();
            Bytes32 version = randomId();
            checkpointGas[i] = provider.recordCheckpoint(
                    new Checkpoint(modelId, version, randomId(), randomId(), randomId(), Optional.of(parent))).gasUsed();
            parent = version;
            provider.recordUnlearning(new Unlearning(request.requestId(), modelId, version, UnlearningStrategy.SISA));
            verificationGas[i] = verifier.recordVerification(request.requestId(), Optional.empty(),
                    new VerificationFigures(Verdict.CERTIFIED, 20, 1, 0.001, 0.000_8, 0.05, -0.3, randomId(),
                            new VerificationLayers(LayerState.PASSED, LayerState.PASSED, LayerState.PASSED,
                                    LayerState.PASSED))).gasUsed();
            batchGas[i] = provider.anchorDeletionBatch(DeletionBatchTree.of(
                    IntStream.range(0, batchSize).mapToObj(j -> randomId()).toList()).batch()).gasUsed();
        }
        return new GasFigures(median(requestGas), median(checkpointGas), median(verificationGas), median(batchGas));
    }

    private double sequentialRate(LedgerClient provider) {
        List<DeletionRequest> requests = IntStream.range(0, transactions).mapToObj(i -> deletionRequest()).toList();
        long start = System.nanoTime();
        for (DeletionRequest request : requests) {
            provider.requestDeletion(request);
        }
        return perSecond(transactions, System.nanoTime() - start);
    }

    private double pipelinedRate(LedgerClient provider) {
        List<LedgerWrite> writes = deletionWrites(provider, transactions);
        long start = System.nanoTime();
        List<LedgerReceipt> receipts = provider.submitAll(writes);
        long elapsed = System.nanoTime() - start;
        check(receipts.size() == transactions, "pipelined receipts");
        return perSecond(transactions, elapsed);
    }

    /** Request ids are drawn before the clock starts; building the trees and anchoring them is timed. */
    private double anchoredRate(LedgerClient provider) {
        List<List<Bytes32>> requestBatches = IntStream.range(0, batches)
                .mapToObj(b -> IntStream.range(0, batchSize).mapToObj(i -> randomId()).toList()).toList();
        long start = System.nanoTime();
        List<LedgerWrite> anchors = new ArrayList<>(batches);
        for (List<Bytes32> requestIds : requestBatches) {
            anchors.add(provider.writes().anchorDeletionBatch(DeletionBatchTree.of(requestIds).batch()));
        }
        List<LedgerReceipt> receipts = provider.submitAll(anchors);
        long elapsed = System.nanoTime() - start;
        check(receipts.size() == batches, "batch receipts");
        return perSecond((long) batches * batchSize, elapsed);
    }

    private List<LedgerWrite> deletionWrites(LedgerClient provider, int count) {
        return IntStream.range(0, count).mapToObj(i -> provider.writes().requestDeletion(deletionRequest())).toList();
    }

    private DeletionRequest deletionRequest() {
        return new DeletionRequest(randomId(), randomId(), randomId(), Instant.now().minusSeconds(1));
    }

    private Bytes32 randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HashAlgorithm.SHA_256.hash(bytes);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double perSecond(long count, long nanos) {
        return BenchOutput.oneDecimal(count * 1e9 / nanos);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark inconsistency: " + what);
        }
    }
}
