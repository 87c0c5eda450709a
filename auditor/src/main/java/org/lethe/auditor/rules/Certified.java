package org.lethe.auditor.rules;

import org.lethe.auditor.timeline.RequestTimeline;

import java.util.List;

/** Every verification certifies the deletion: NOT_DELETED and INCONCLUSIVE are both findings. */
final class Certified extends AuditRule {

    Certified() {
        super("verdict.certified",
                "Every verification certifies its deletion");
    }

    @Override
    public List<Violation> check(AuditFacts facts) {
        return facts.requests().stream()
                .filter(request -> request.verification().isPresent()
                        && !"CERTIFIED".equals(request.verification().get().verdict()))
                .map(request -> {
                    RequestTimeline.VerificationFigures v = request.verification().get();
                    return violation(List.of("request " + request.requestId(), "transaction " + v.transaction()),
                            "verdict " + v.verdict() + " at " + v.verifiedAt() + ": " + v.targetHits() + " of "
                                    + v.probes() + " probes hit, backdoor success rate " + v.backdoorSuccessRate()
                                    + ", membership statistic " + v.miaStatistic() + ", certificate "
                                    + v.certificateHash());
                })
                .toList();
    }
}
