package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * A verification as answers show it.
 *
 * @param requestId         the deletion request
 * @param subjectId         the subject
 * @param jobId             the job that runs or ran it
 * @param verdict           once decided
 * @param certificate       the signed certificate, once issued
 * @param certificateHash   SHA-256 of the canonical certificate, as recorded on the ledger
 * @param ledgerTransaction the recordVerification transaction
 * @param automatic         started by the ledger's unlearning record, not by the subject
 */
public record VerificationView(String requestId, String subjectId, String jobId, Optional<String> verdict,
                               Optional<JsonNode> certificate, Optional<String> certificateHash,
                               Optional<String> ledgerTransaction, boolean automatic) {
}
