package org.lethe.auditor.rules;

import java.util.List;

/**
 * The certificate the verifier serves for each verification is the one whose hash is on the ledger, and
 * the verifier's key signed it.
 */
final class CertificateMatches extends AuditRule {

    CertificateMatches() {
        super("certificate.matches",
                "Every verification's certificate matches its ledger hash and is signed by the verifier");
    }

    @Override
    public List<Violation> check(AuditFacts facts) {
        return facts.requests().stream()
                .filter(request -> request.verification().isPresent())
                .map(request -> facts.certificates().get(request.requestId()))
                .filter(check -> check != null && check.outcome() != CertificateCheck.Outcome.MATCHES)
                .map(check -> violation(List.of("request " + check.requestId()),
                        check.outcome() + ": " + check.detail() + " (checked " + check.checkedAt() + ")"))
                .toList();
    }
}
