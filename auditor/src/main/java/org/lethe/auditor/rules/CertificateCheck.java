package org.lethe.auditor.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * The certificate the verifier serves for a request, compared with the hash on the ledger.
 *
 * @param requestId the verified request
 * @param checkedAt when the certificate was fetched
 * @param outcome   what the comparison found
 * @param detail    the hashes or the signature failure
 * @param rateBefore the backdoor's hit rate on the version with the data, as the matching certificate states it
 * @param reason     the matching certificate's stated reason for its verdict
 * @param membershipAuc the matching certificate's membership-inference AUC on the subject's samples, when it ran
 */
public record CertificateCheck(String requestId, Instant checkedAt, Outcome outcome, String detail,
                               Optional<Double> rateBefore, Optional<String> reason, Optional<Double> membershipAuc) {

    public enum Outcome {
        /** the served certificate hashes to the ledger's value and its signature checks */
        MATCHES,
        /** the verifier serves no certificate for the request */
        MISSING,
        /** the served certificate hashes to another value than the ledger's */
        HASH_MISMATCH,
        /** the certificate's signature does not check, or another key signed it */
        BAD_SIGNATURE
    }
}
