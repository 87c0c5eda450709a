package org.lethe.auditor;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerWrites;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;
import org.lethe.ledger.testing.AnvilLedger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes deletion histories to the test ledger through {@link LedgerClient}, as the model service (provider
 * account) and the verifier (verifier account) would, and moves the ledger's clock.
 */
public final class LedgerHistory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AnvilLedger ledger;
    private final LedgerClient provider;
    private final LedgerClient verifier;
    private final PeerStub peers;
    private final Map<Bytes32, Bytes32> newestVersion = new HashMap<>();

    public LedgerHistory(AnvilLedger ledger, PeerStub peers) {
        this.ledger = ledger;
        this.provider = ledger.client(ledger.provider());
        this.verifier = ledger.client(ledger.verifier());
        this.peers = peers;
    }

    public static Bytes32 randomId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HashAlgorithm.SHA_256.hash(bytes);
    }

    /** A registered model with its first version. */
    public Bytes32 model() {
        Bytes32 model = randomId();
        provider.registerModel(model);
        record(new Checkpoint(model, randomId(), randomId(), randomId(), randomId(), Optional.empty()));
        return model;
    }

    public Bytes32 newestVersion(Bytes32 model) {
        return newestVersion.get(model);
    }

    /** A new version built on the given one (normally the newest). */
    public Bytes32 version(Bytes32 model, Bytes32 parent) {
        return record(new Checkpoint(model, randomId(), randomId(), randomId(), randomId(), Optional.of(parent)));
    }

    private Bytes32 record(Checkpoint checkpoint) {
        provider.recordCheckpoint(checkpoint);
        newestVersion.put(checkpoint.modelId(), checkpoint.versionHash());
        return checkpoint.versionHash();
    }

    /** A fresh subject's contribution and their deletion request, made a few seconds before ledger time. */
    public DeletionRequest request() {
        return request(randomId());
    }

    public DeletionRequest request(Bytes32 subject) {
        Contribution contribution = new Contribution(randomId(), subject, 100);
        provider.recordContribution(contribution);
        DeletionRequest request = new DeletionRequest(randomId(), subject, contribution.contributionRoot(),
                ledgerTime().minusSeconds(5));
        provider.requestDeletion(request);
        return request;
    }

    /** Anchors requests (never recorded one by one) as a batch. */
    public DeletionBatchTree batch(List<Bytes32> requestIds) {
        DeletionBatchTree tree = DeletionBatchTree.of(requestIds);
        provider.anchorDeletionBatch(tree.batch());
        return tree;
    }

    /** Unlearns the request or batch into a new newest version of the model. */
    public Bytes32 execute(Bytes32 model, Bytes32 target) {
        return execute(model, target, UnlearningStrategy.SISA);
    }

    public Bytes32 execute(Bytes32 model, Bytes32 target, UnlearningStrategy strategy) {
        Bytes32 version = version(model, newestVersion(model));
        provider.recordUnlearning(new Unlearning(target, model, version, strategy));
        return version;
    }

    /** The verifier's verdict with a certificate the peers serve, signed by the verifier's key. */
    public void verify(Bytes32 requestId, Verdict verdict) {
        verify(requestId, Optional.empty(), verdict, peers.certify(requestId, verdict.name()));
    }

    /** A black-box verdict: only the statistics layer checked, with the outcome the verdict rests on. */
    public void verify(Bytes32 requestId, Optional<LedgerWrites.BatchInclusion> batch, Verdict verdict,
                       Bytes32 certificateHash) {
        verify(requestId, batch, verdict, certificateHash, VerificationLayers.statisticsOnly(switch (verdict) {
            case CERTIFIED -> LayerState.PASSED;
            case NOT_DELETED -> LayerState.FAILED;
            case INCONCLUSIVE -> LayerState.UNDECIDED;
        }));
    }

    public void verify(Bytes32 requestId, Optional<LedgerWrites.BatchInclusion> batch, Verdict verdict,
                       Bytes32 certificateHash, VerificationLayers layers) {
        int probes = verdict == Verdict.INCONCLUSIVE ? 0 : 6;
        int hits = verdict == Verdict.NOT_DELETED ? 6 : 0;
        verifier.recordVerification(requestId, batch, new VerificationFigures(verdict, probes, hits, 0.001, 0.001,
                hits / 6.0, -0.1, certificateHash, layers));
    }

    /** Moves the ledger's clock forward and mines a block at the new time. */
    public void advance(Duration duration) {
        HttpService rpc = new HttpService(ledger.node().rpcUrl());
        try {
            new Request<>("evm_increaseTime", List.of(duration.toSeconds()), rpc, VoidResponse.class).send();
            new Request<>("evm_mine", List.of(), rpc, VoidResponse.class).send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest block's time. */
    public Instant ledgerTime() {
        Web3j web3j = Web3j.build(new HttpService(ledger.node().rpcUrl()));
        try {
            return Instant.ofEpochSecond(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                    .getBlock().getTimestamp().longValueExact());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            web3j.shutdown();
        }
    }
}
