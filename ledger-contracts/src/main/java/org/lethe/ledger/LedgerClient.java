package org.lethe.ledger;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.ledger.contract.UnlearningLedger;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.event.LedgerEventReader;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionBatch;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.LedgerRole;
import org.lethe.ledger.record.ModelRegistration;
import org.lethe.ledger.record.Recorded;
import org.lethe.ledger.record.TriggerCommitment;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verification;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.revert.LedgerRevertException;
import org.lethe.ledger.revert.RevertDecoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The only door to the chain: typed writes that return receipts, typed reads of every record, and event
 * queries. Writes are signed locally and sent with gas price 0 (permissioned, free-gas networks never
 * use suggested fees); a contract revert becomes a typed {@link LedgerRevertException} naming the
 * contract's error and its arguments. Thread-safe: nonces are handed out locally, so many writes can
 * be in flight from one account; they are sent one at a time, so they reach the node in nonce order.
 */
public final class LedgerClient implements AutoCloseable {

    private static final BigInteger ESTIMATE_MARGIN_GAS = BigInteger.valueOf(20_000);
    /** Transactions sent in one JSON-RPC batch by {@link #submitAll}. */
    private static final int SENDS_PER_BATCH = 500;

    private final Web3j web3j;
    private final Credentials credentials;
    private final String contractAddress;
    private final LedgerClientConfig config;
    private final long chainId;
    private final UnlearningLedger contract;
    private final LedgerWrites writes;
    private final NonceManager nonces;
    private final RevertDecoder revertDecoder;
    private final LedgerEventReader events;

    private LedgerClient(Web3j web3j, Credentials credentials, String contractAddress, LedgerClientConfig config) {
        this.web3j = web3j;
        this.credentials = credentials;
        this.contractAddress = contractAddress;
        this.config = config;
        this.chainId = call("eth_chainId", () -> web3j.ethChainId().send().getChainId()).longValueExact();
        this.contract = UnlearningLedger.load(contractAddress, web3j,
                new ReadonlyTransactionManager(web3j, credentials.getAddress()),
                new StaticGasProvider(BigInteger.ZERO, config.pipelinedGasLimit()));
        this.writes = new LedgerWrites(contract);
        this.nonces = new NonceManager(() -> call("eth_getTransactionCount", () -> web3j
                .ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING)
                .send().getTransactionCount()).longValueExact());
        this.revertDecoder = RevertDecoder.forUnlearningLedger();
        this.events = new LedgerEventReader(web3j, contractAddress);
    }

    /**
     * Connects to a node's JSON-RPC endpoint as the given account.
     *
     * @throws LedgerUnavailableException if the node does not answer
     */
    public static LedgerClient connect(String rpcUrl, Credentials account, String contractAddress,
                                       LedgerClientConfig config) {
        return new LedgerClient(Web3j.build(new HttpService(rpcUrl)), account, contractAddress, config);
    }

    /** The address this client signs as. */
    public String account() {
        return credentials.getAddress();
    }

    public String contractAddress() {
        return contractAddress;
    }

    /** Encoders for every write, to send alone or pipelined. */
    public LedgerWrites writes() {
        return writes;
    }

    // ---- typed writes: each checks the call first (a revert costs nothing and changes nothing), then sends

    public LedgerReceipt grantRole(LedgerRole role, String account) {
        return execute(writes.grantRole(role, account));
    }

    public LedgerReceipt revokeRole(LedgerRole role, String account) {
        return execute(writes.revokeRole(role, account));
    }

    public LedgerReceipt registerModel(Bytes32 modelId) {
        return execute(writes.registerModel(modelId));
    }

    public LedgerReceipt recordCheckpoint(Checkpoint checkpoint) {
        return execute(writes.recordCheckpoint(checkpoint));
    }

    public LedgerReceipt recordContribution(Contribution contribution) {
        return execute(writes.recordContribution(contribution));
    }

    public LedgerReceipt commitTrigger(Bytes32 subjectIdHash, Bytes32 commitment) {
        return execute(writes.commitTrigger(subjectIdHash, commitment));
    }

    public LedgerReceipt rotateTrigger(Bytes32 subjectIdHash, Bytes32 commitment) {
        return execute(writes.rotateTrigger(subjectIdHash, commitment));
    }

    public LedgerReceipt requestDeletion(DeletionRequest request) {
        return execute(writes.requestDeletion(request));
    }

    public LedgerReceipt anchorDeletionBatch(DeletionBatch batch) {
        return execute(writes.anchorDeletionBatch(batch));
    }

    public LedgerReceipt recordUnlearning(Unlearning unlearning) {
        return execute(writes.recordUnlearning(unlearning));
    }

    public LedgerReceipt recordVerification(Bytes32 requestId, Optional<LedgerWrites.BatchInclusion> batch,
                                            VerificationFigures figures) {
        return execute(writes.recordVerification(requestId, batch, figures));
    }

    /**
     * Sends one write and waits for its receipt. The gas estimate doubles as a pre-flight check, so
     * a call the contract refuses is reported before anything is sent.
     *
     * @throws LedgerRevertException      if the contract refuses the call
     * @throws LedgerUnavailableException if the node cannot be reached or the receipt does not come
     */
    public LedgerReceipt execute(LedgerWrite write) {
        EthEstimateGas estimate = call("eth_estimateGas", () -> web3j.ethEstimateGas(
                Transaction.createEthCallTransaction(credentials.getAddress(), contractAddress, write.data())).send());
        if (estimate.hasError()) {
            throw refusal(write, estimate.getError());
        }
        BigInteger gasLimit = estimate.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4))
                .add(ESTIMATE_MARGIN_GAS);
        return awaitReceipt(write, send(write, gasLimit));
    }

    /**
     * Sends many writes back to back with consecutive nonces, without waiting between them, then waits
     * for all receipts. No pre-flight: the order of the list is the order on chain.
     *
     * @return one receipt per write, in order
     * @throws LedgerRevertException      for the first write the contract refused (the others stay sent)
     * @throws LedgerUnavailableException if the node cannot be reached or a receipt does not come
     */
    public List<LedgerReceipt> submitAll(List<LedgerWrite> pipeline) {
        List<String> hashes = nonces.send(nonce -> {
            List<String> sent = new ArrayList<>(pipeline.size());
            for (int from = 0; from < pipeline.size(); from += SENDS_PER_BATCH) {
                sent.addAll(sendBatch(pipeline.subList(from, Math.min(pipeline.size(), from + SENDS_PER_BATCH)), nonce));
            }
            return sent;
        });
        List<LedgerReceipt> receipts = new ArrayList<>(pipeline.size());
        for (int i = 0; i < pipeline.size(); i++) {
            receipts.add(awaitReceipt(pipeline.get(i), hashes.get(i)));
        }
        return receipts;
    }

    // ---- typed reads

    public boolean hasRole(LedgerRole role, String account) {
        return read(contract.hasRole(role.id().toArray(), account));
    }

    public Optional<Recorded<ModelRegistration>> model(Bytes32 modelId) {
        var m = read(contract.models(modelId.toArray()));
        Bytes32 latest = Bytes32.of(m.component4());
        return recorded(m.component2(), new ModelRegistration(modelId, m.component1(), m.component3().intValueExact(),
                latest.isZero() ? Optional.empty() : Optional.of(latest)));
    }

    public Optional<Recorded<Checkpoint>> checkpoint(Bytes32 versionHash) {
        var c = read(contract.checkpoints(versionHash.toArray()));
        Bytes32 parent = Bytes32.of(c.component5());
        return recorded(c.component6(), new Checkpoint(Bytes32.of(c.component1()), versionHash,
                Bytes32.of(c.component2()), Bytes32.of(c.component3()), Bytes32.of(c.component4()),
                parent.isZero() ? Optional.empty() : Optional.of(parent)));
    }

    public Optional<Recorded<Contribution>> contribution(Bytes32 contributionRoot) {
        var c = read(contract.contributions(contributionRoot.toArray()));
        return recorded(c.component3(), new Contribution(contributionRoot, Bytes32.of(c.component1()),
                c.component2().intValueExact()));
    }

    public Optional<Recorded<TriggerCommitment>> triggerCommitment(Bytes32 subjectIdHash) {
        var t = read(contract.triggerCommitments(subjectIdHash.toArray()));
        return recorded(t.component3(), new TriggerCommitment(subjectIdHash, Bytes32.of(t.component1()),
                t.component2().intValueExact()));
    }

    /** A singly anchored request; its contribution root comes from the request's event. */
    public Optional<Recorded<DeletionRequest>> deletionRequest(Bytes32 requestId) {
        var r = read(contract.deletionRequests(requestId.toArray()));
        if (r.component3().signum() == 0) {
            return Optional.empty();
        }
        return events(EventQuery.byRequest(requestId)).stream()
                .filter(LedgerEvent.DeletionRequested.class::isInstance)
                .map(e -> ((LedgerEvent.DeletionRequested) e).request())
                .findFirst()
                .map(request -> new Recorded<>(request, Instant.ofEpochSecond(r.component3().longValueExact())));
    }

    public Optional<Recorded<DeletionBatch>> deletionBatch(Bytes32 batchRoot) {
        var b = read(contract.deletionBatches(batchRoot.toArray()));
        return recorded(b.component2(), new DeletionBatch(batchRoot, b.component1().intValueExact()));
    }

    /** How a request or batch was executed, if it was. */
    public Optional<Recorded<Unlearning>> unlearning(Bytes32 target) {
        var u = read(contract.unlearnings(target.toArray()));
        if (u.component3().signum() == 0) {
            return Optional.empty();
        }
        Bytes32 newVersion = Bytes32.of(u.component1());
        Bytes32 modelId = checkpoint(newVersion).map(c -> c.value().modelId()).orElse(Bytes32.ZERO);
        return recorded(u.component3(), new Unlearning(target, modelId, newVersion,
                UnlearningStrategy.values()[u.component2().intValueExact()]));
    }

    /** The verification of a request, its nested struct decoded word by word (see {@link FigureCodec#WORDS}). */
    public Optional<Recorded<Verification>> verification(Bytes32 requestId) {
        Function getVerification = new Function(UnlearningLedger.FUNC_GETVERIFICATION,
                List.of(new org.web3j.abi.datatypes.generated.Bytes32(requestId.toArray())), VERIFICATION_WORDS);
        String answer = call("eth_call", () -> web3j.ethCall(Transaction.createEthCallTransaction(credentials.getAddress(),
                contractAddress, FunctionEncoder.encode(getVerification)), DefaultBlockParameterName.LATEST).send()
                .getValue());
        List<Type> words = FunctionReturnDecoder.decode(answer, getVerification.getOutputParameters());
        int after = FigureCodec.WORDS.size();
        Bytes32 batchRoot = Bytes32.of((byte[]) words.get(after).getValue());
        return recorded((BigInteger) words.get(after + 1).getValue(), new Verification(requestId,
                batchRoot.isZero() ? Optional.empty() : Optional.of(batchRoot), FigureCodec.fromWords(words, 0)));
    }

    /** getVerification's answer, word by word: the figures' fields, the batch root, the time. */
    private static final List<TypeReference<?>> VERIFICATION_WORDS = concat(FigureCodec.WORDS,
            List.of(new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() { }, new TypeReference<Uint64>() { }));

    private static List<TypeReference<?>> concat(List<TypeReference<?>> first, List<TypeReference<?>> second) {
        List<TypeReference<?>> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** Whether the contract accepts the proof of the request's place in the anchored batch. */
    public boolean verifiesBatchInclusion(Bytes32 batchRoot, Bytes32 requestId, MerkleProof proof) {
        return read(contract.verifyBatchInclusion(batchRoot.toArray(), requestId.toArray(),
                proof.siblings().stream().map(Bytes32::toArray).toList()));
    }

    /** The contract's events that match the query, in chain order. */
    public List<LedgerEvent> events(EventQuery query) {
        return events.read(query);
    }

    /** The latest block number. */
    public long blockNumber() {
        return call("eth_blockNumber", () -> web3j.ethBlockNumber().send().getBlockNumber()).longValueExact();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    // ---- plumbing

    private String send(LedgerWrite write, BigInteger gasLimit) {
        return nonces.send(nonce -> {
            String signed = sign(write, gasLimit, nonce.getAsLong());
            return sentHash(write, () -> web3j.ethSendRawTransaction(signed).send());
        });
    }

    /** One JSON-RPC batch of consecutive nonces, which the node takes in sequence. */
    private List<String> sendBatch(List<LedgerWrite> part, LongSupplier nonce) {
        BatchRequest batch = web3j.newBatch();
        for (LedgerWrite write : part) {
            batch.add(web3j.ethSendRawTransaction(sign(write, config.pipelinedGasLimit(), nonce.getAsLong())));
        }
        BatchResponse answers;
        try {
            answers = batch.send();
        } catch (IOException | RuntimeException e) {
            throw new LedgerUnavailableException("eth_sendRawTransaction batch: node unreachable: " + e.getMessage(), e);
        }
        List<String> hashes = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
            EthSendTransaction sent = (EthSendTransaction) answers.getResponses().get(i);
            hashes.add(sentHash(part.get(i), () -> sent));
        }
        return hashes;
    }

    private String sign(LedgerWrite write, BigInteger gasLimit, long nonce) {
        RawTransaction transaction = RawTransaction.createTransaction(BigInteger.valueOf(nonce), BigInteger.ZERO,
                gasLimit, contractAddress, BigInteger.ZERO, write.data());
        return Numeric.toHexString(TransactionEncoder.signMessage(transaction, chainId, credentials));
    }

    /** The hash of a sent transaction; a failure throws, which has the nonces re-read. */
    private String sentHash(LedgerWrite write, RpcCall<EthSendTransaction> sending) {
        EthSendTransaction sent;
        try {
            sent = sending.run();
        } catch (Exception e) {
            throw new LedgerUnavailableException(write.function() + ": node unreachable: " + e.getMessage(), e);
        }
        if (sent.hasError()) {
            throw refusal(write, sent.getError());
        }
        return sent.getTransactionHash();
    }

    private LedgerReceipt awaitReceipt(LedgerWrite write, String txHash) {
        long deadline = System.nanoTime() + config.receiptTimeout().toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = call("eth_getTransactionReceipt",
                    () -> web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt());
            if (receipt.isPresent()) {
                return checkedReceipt(write, receipt.get());
            }
            if (System.nanoTime() > deadline) {
                throw new LedgerUnavailableException(write.function() + ": no receipt for " + txHash + " after "
                        + config.receiptTimeout());
            }
            try {
                Thread.sleep(config.receiptPollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerUnavailableException(write.function() + ": interrupted waiting for " + txHash, e);
            }
        }
    }

    /** A mined but failed write (possible only when pipelined) is replayed as a call to learn why. */
    private LedgerReceipt checkedReceipt(LedgerWrite write, TransactionReceipt receipt) {
        if (!receipt.isStatusOK()) {
            EthCall replay = call("eth_call", () -> web3j.ethCall(Transaction.createEthCallTransaction(
                    credentials.getAddress(), contractAddress, write.data()), DefaultBlockParameterName.LATEST).send());
            if (replay.hasError()) {
                throw refusal(write, replay.getError());
            }
            throw new LedgerUnavailableException(write.function() + ": transaction " + receipt.getTransactionHash()
                    + " failed on chain with status " + receipt.getStatus() + " and no longer reverts when replayed");
        }
        return new LedgerReceipt(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact(),
                receipt.getGasUsed().longValueExact());
    }

    private RuntimeException refusal(LedgerWrite write, Response.Error error) {
        Optional<LedgerRevertException> revert = error.getData() == null ? Optional.empty()
                : revertDecoder.decode(write.function(), error.getData());
        return revert.<RuntimeException>map(e -> e).orElseGet(() -> new LedgerUnavailableException(
                write.function() + " refused by the node: " + error.getMessage() + " (code " + error.getCode() + ")"));
    }

    private static <T> Optional<Recorded<T>> recorded(BigInteger recordedAt, T value) {
        return recordedAt.signum() == 0 ? Optional.empty()
                : Optional.of(new Recorded<>(value, Instant.ofEpochSecond(recordedAt.longValueExact())));
    }

    private <T> T read(RemoteFunctionCall<T> view) {
        return call("eth_call", view::send);
    }

    private interface RpcCall<T> {
        T run() throws Exception;
    }

    private static <T> T call(String method, RpcCall<T> rpc) {
        try {
            return rpc.run();
        } catch (LedgerUnavailableException | LedgerRevertException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerUnavailableException(method + " failed: " + e.getMessage(), e);
        }
    }
}
