package org.lethe.auditor.report;

import org.lethe.auditor.rules.CertificateCheck;
import org.lethe.auditor.timeline.RequestTimeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One unlearning strategy's deletions in a period, in the unlearning literature's terms as far as the ledger
 * records them: the attack success rate of the subjects' backdoors on the model after the deletion, the
 * membership-inference AUC on their samples (0.5: no better than chance; from the certificates whose hash and
 * signature the auditor checked, since the ledger records no figure when membership was not tested), the time from
 * anchoring to execution, the verdicts and the layers that failed. Forgetting rate, accuracy drop and the distance to a retrained model need
 * the models and a test set, which the ledger does not hold: {@code lethe bench verification} measures them.
 *
 * @param strategy               as recorded with the unlearning ({@code SISA}, {@code RETRAIN}, {@code FINETUNE}, …)
 * @param executed               the period's requests it executed
 * @param verified               those verified
 * @param verdicts               CERTIFIED, NOT_DELETED, INCONCLUSIVE → count
 * @param meanAttackSuccessRate  mean backdoor success rate after the deletion, over the verifications that probed
 * @param meanMembershipAuc      mean membership-inference AUC over the matching certificates that state one
 * @param medianExecutionLatency median time from anchoring to the recorded unlearning
 * @param failedLayers           data, computation, serving, statistics → verifications where that layer FAILED
 */
public record StrategyFigures(String strategy, int executed, int verified, Map<String, Long> verdicts,
                              Optional<Double> meanAttackSuccessRate, Optional<Double> meanMembershipAuc,
                              Duration medianExecutionLatency, Map<String, Long> failedLayers) {

    /**
     * One entry per strategy that executed any of the requests, in name order.
     *
     * @param certificates the certificate checks by request id
     */
    static List<StrategyFigures> of(List<RequestTimeline> requests, Map<String, CertificateCheck> certificates) {
        Map<String, List<RequestTimeline>> byStrategy = new TreeMap<>();
        requests.stream().filter(request -> request.execution().isPresent()).forEach(request -> byStrategy
                .computeIfAbsent(request.execution().orElseThrow().strategy(), strategy -> new ArrayList<>()).add(request));
        List<StrategyFigures> figures = new ArrayList<>();
        byStrategy.forEach((strategy, executed) -> figures.add(of(strategy, executed, certificates)));
        return figures;
    }

    private static StrategyFigures of(String strategy, List<RequestTimeline> executed,
                                      Map<String, CertificateCheck> certificates) {
        List<RequestTimeline.VerificationFigures> verified = executed.stream()
                .flatMap(request -> request.verification().stream()).toList();
        Map<String, Long> verdicts = new LinkedHashMap<>();
        for (String verdict : List.of("CERTIFIED", "NOT_DELETED", "INCONCLUSIVE")) {
            verdicts.put(verdict, verified.stream().filter(v -> v.verdict().equals(verdict)).count());
        }
        Map<String, Long> failed = new LinkedHashMap<>();
        RequestTimeline.Layers.NAMES.forEach(layer -> failed.put(layer, 0L));
        verified.forEach(v -> v.layers().byName().forEach((layer, state) ->
                failed.merge(layer, "FAILED".equals(state) ? 1L : 0L, Long::sum)));
        List<Duration> latencies = executed.stream().map(request -> Duration.between(request.anchor().anchoredAt(),
                request.execution().orElseThrow().executedAt())).sorted().toList();
        return new StrategyFigures(strategy, executed.size(), verified.size(), verdicts,
                mean(verified.stream().filter(v -> v.probes() > 0)
                        .map(RequestTimeline.VerificationFigures::backdoorSuccessRate).toList()),
                mean(executed.stream().map(request -> certificates.get(request.requestId()))
                        .filter(check -> check != null && check.outcome() == CertificateCheck.Outcome.MATCHES)
                        .flatMap(check -> check.membershipAuc().stream()).toList()),
                latencies.get(latencies.size() / 2), failed);
    }

    private static Optional<Double> mean(List<Double> values) {
        return values.isEmpty() ? Optional.empty()
                : Optional.of(values.stream().mapToDouble(Double::doubleValue).sum() / values.size());
    }
}
