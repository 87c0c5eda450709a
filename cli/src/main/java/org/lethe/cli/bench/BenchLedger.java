package org.lethe.cli.bench;

import org.lethe.cli.local.LocalLedger;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verification;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.verifier.verification.CertificateJson;
import org.lethe.verifier.verification.CertificatePayload;
import org.lethe.verifier.verification.VerificationOutcome;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * The benchmark's ledger: a local Anvil chain where the provider records the model versions, deletion
 * requests and unlearnings, and the verifier records each verdict with its signed certificate's hash,
 * then reads them back: every verdict on the ledger must match its certificate.
 */
final class BenchLedger implements AutoCloseable {

    private final LocalLedger ledger;
    private final LedgerClient provider;
    private final LedgerClient verifier;
    private final DocumentSigner verifierKey = new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom()));
    private int recorded;
    private int matching;

    BenchLedger() throws GeneralSecurityException {
        this.ledger = LocalLedger.start();
        this.provider = ledger.providerClient();
        this.verifier = ledger.verifierClient();
    }

    /** Registers a model and records its first version, trained as the transcript states. */
    Bytes32 firstVersion(String modelName, TrainingTranscript transcript, SisaModel model) {
        Bytes32 modelId = id("bench-model:" + modelName);
        provider.registerModel(modelId);
        return version(modelId, transcript, model, Optional.empty());
    }

    /** Records a version derived from {@code parent}, trained as the transcript states. */
    Bytes32 childVersion(String modelName, TrainingTranscript transcript, SisaModel model, Bytes32 parent) {
        return version(id("bench-model:" + modelName), transcript, model, Optional.of(parent));
    }

    /**
     * A deletion request anchored and executed on the ledger.
     *
     * @param requestId             the request
     * @param anchorTransaction     its requestDeletion transaction
     * @param unlearningTransaction its recordUnlearning transaction
     */
    record ExecutedDeletion(Bytes32 requestId, String anchorTransaction, String unlearningTransaction) {
    }

    /** Anchors a subject's deletion request and records its execution by {@code newVersion}. */
    ExecutedDeletion executedDeletion(String modelName, Bytes32 subjectId, String label, Bytes32 newVersion,
                                      UnlearningStrategy strategy) {
        Bytes32 requestId = id("bench-request:" + modelName + ":" + label + ":" + subjectId);
        String anchored = provider.requestDeletion(new DeletionRequest(requestId, subjectId,
                id("bench-contribution:" + subjectId), Instant.ofEpochSecond(Instant.now().getEpochSecond()))).txHash();
        String executed = provider.recordUnlearning(new Unlearning(requestId, id("bench-model:" + modelName), newVersion,
                strategy)).txHash();
        return new ExecutedDeletion(requestId, anchored, executed);
    }

    /** Commits to a subject's trigger, as the verifier does at enrolment; answers the transaction. */
    String commitTrigger(Bytes32 subjectId, Bytes32 commitment) {
        return verifier.commitTrigger(subjectId, commitment).txHash();
    }

    /** Signs the certificate, records the verdict and reads it back. */
    void recordVerification(Bytes32 requestId, CertificatePayload payload, VerificationOutcome outcome) {
        SignedDocument certificate = CertificateJson.sign(verifierKey, payload);
        verifier.recordVerification(requestId, Optional.empty(), outcome.ledgerFigures(certificate.hash()));
        Verification onChain = verifier.verification(requestId).orElseThrow().value();
        recorded++;
        boolean same = onChain.figures().certificateHash().equals(certificate.hash())
                && onChain.figures().verdict() == outcome.decision().verdict()
                && certificate.payload().path("verdict").asText().equals(outcome.decision().verdict().name());
        matching += same ? 1 : 0;
    }

    String contractAddress() {
        return ledger.contractAddress();
    }

    int recorded() {
        return recorded;
    }

    int matching() {
        return matching;
    }

    private Bytes32 version(Bytes32 modelId, TrainingTranscript transcript, SisaModel model, Optional<Bytes32> parent) {
        Bytes32 weights = model.weightsHash();
        Bytes32 trainingSet = model.trainingSetRoot();
        Bytes32 transcriptRoot = transcript.root();
        Bytes32 versionHash = HashAlgorithm.SHA_256.hash(weights, trainingSet, transcriptRoot, parent.orElse(Bytes32.ZERO));
        provider.recordCheckpoint(new Checkpoint(modelId, versionHash, weights, trainingSet, transcriptRoot, parent));
        return versionHash;
    }

    private static Bytes32 id(String text) {
        return HashAlgorithm.SHA_256.hash(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        provider.close();
        verifier.close();
        ledger.close();
    }
}
