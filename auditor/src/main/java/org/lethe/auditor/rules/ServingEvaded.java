package org.lethe.auditor.rules;

import java.util.List;

/**
 * No verification found the served model evading the verifier's tests: a certificate whose serving layer FAILED
 * (a sentinel's backdoor gone, or an answer that changed when asked again) shows a provider that serves something
 * other than the model it trained. The ledger holds the certificate's hash, so the evidence is bound to it.
 */
final class ServingEvaded extends AuditRule {

    ServingEvaded() {
        super("serving.evasion", "No verification finds the served model evading the verifier's tests");
    }

    @Override
    public List<Violation> check(AuditFacts facts) {
        return facts.requests().stream()
                .filter(request -> request.verification().isPresent())
                .map(request -> facts.certificates().get(request.requestId()))
                .filter(check -> check != null && check.evasion().isPresent())
                .map(check -> violation(List.of("request " + check.requestId()),
                        check.evasion().orElseThrow() + " (certificate " + check.detail() + ")"))
                .toList();
    }
}
