package org.lethe.auditor.rules;

import org.lethe.auditor.timeline.RequestTimeline;

import java.util.List;

/**
 * No verification found the served model evading the verifier's tests: a verification whose serving layer the
 * ledger records as FAILED (a sentinel's backdoor gone, an answer that changed when asked again, or answers that are
 * not the replayed model's) shows a provider that serves something other than the model it trained. The evidence
 * names the reason of the matching certificate when the verifier serves one.
 */
final class ServingEvaded extends AuditRule {

    ServingEvaded() {
        super("serving.evasion", "No verification finds the served model evading the verifier's tests");
    }

    @Override
    public List<Violation> check(AuditFacts facts) {
        return facts.requests().stream()
                .filter(request -> request.verification().map(v -> "FAILED".equals(v.layers().serving())).orElse(false))
                .map(request -> violation(List.of("request " + request.requestId()), evidence(facts, request)))
                .toList();
    }

    private static String evidence(AuditFacts facts, RequestTimeline request) {
        CertificateCheck check = facts.certificates().get(request.requestId());
        if (check != null && check.reason().isPresent()) {
            return check.reason().orElseThrow() + " (certificate " + check.detail() + ")";
        }
        return "the ledger records the serving layer FAILED (certificate " + request.verification().orElseThrow()
                .certificateHash() + ", " + (check == null ? "not checked yet" : check.outcome()) + ")";
    }
}
