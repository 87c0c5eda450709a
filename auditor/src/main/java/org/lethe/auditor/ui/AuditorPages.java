package org.lethe.auditor.ui;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lethe.auditor.audit.AuditService;
import org.lethe.auditor.audit.AuditSummary;
import org.lethe.auditor.peers.CertificateStore;
import org.lethe.auditor.rules.AuditFacts;
import org.lethe.auditor.rules.CertificateCheck;
import org.lethe.auditor.rules.RuleBook;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.LedgerRecords;
import org.lethe.auditor.timeline.ModelVersion;
import org.lethe.auditor.timeline.RequestFilter;
import org.lethe.auditor.timeline.RequestTimeline;
import org.lethe.auditor.timeline.TimelineStore;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The auditors' web pages, rendered on the server from the index: read only, no script. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AuditorPages {

    private static final int RECENT = 20;

    private final Template dashboard;
    private final Template request;
    private final Template subject;
    private final Template versions;
    private final Template transaction;
    private final AuditService audit;
    private final TimelineStore timelines;
    private final LedgerRecords records;
    private final CertificateStore certificates;

    public AuditorPages(Template dashboard, Template request, Template subject, Template versions, Template transaction,
                        AuditService audit, TimelineStore timelines, LedgerRecords records,
                        CertificateStore certificates) {
        this.dashboard = dashboard;
        this.request = request;
        this.subject = subject;
        this.versions = versions;
        this.transaction = transaction;
        this.audit = audit;
        this.timelines = timelines;
        this.records = records;
        this.certificates = certificates;
    }

    @GET
    public TemplateInstance dashboard() {
        AuditFacts facts = audit.facts();
        List<Violation> violations = RuleBook.check(facts);
        AuditSummary summary = AuditSummary.of(facts, violations, audit.indexStatus());
        List<Pages.Count> counts = new ArrayList<>();
        summary.requests().forEach((status, count) -> counts.add(new Pages.Count(status.name(), count)));
        List<Pages.Count> byRule = summary.violations().entrySet().stream()
                .map(entry -> new Pages.Count(entry.getKey(), entry.getValue())).toList();
        return dashboard.data("counts", counts).data("byRule", byRule).data("overdue", summary.overdue())
                .data("dueWithinWeek", summary.dueWithinWeek()).data("batches", summary.batches())
                .data("versions", summary.versions())
                .data("indexedThrough", summary.index().indexedThroughBlock())
                .data("violations", violations.stream().map(Pages.ViolationRow::of).toList())
                .data("notChecked", summary.notChecked().entrySet().stream()
                        .map(entry -> new Pages.NotChecked(entry.getKey(), entry.getValue())).toList())
                .data("recent", timelines.recent(RECENT).stream()
                        .map(t -> Pages.RequestRow.of(t, facts.deadline(), facts.ledgerNow())).toList())
                .data("asOf", Pages.time(facts.ledgerNow()))
                .data("stale", summary.index().readFailure().orElse(""));
    }

    @GET
    @Path("/ui/requests/{requestId}")
    public TemplateInstance request(@PathParam("requestId") String requestId) {
        RequestTimeline timeline = timelines.requestNamed(requestId);
        List<Pages.Step> steps = new ArrayList<>();
        timeline.requestedAt().ifPresent(time -> steps.add(new Pages.Step("requested by the subject", Pages.time(time), "",
                "contribution " + timeline.contributionRoot().orElse(""))));
        steps.add(new Pages.Step(timeline.anchor().batchRoot().map(root -> "anchored in batch " + root)
                .orElse("anchored on the ledger"), Pages.time(timeline.anchor().anchoredAt()),
                timeline.anchor().transaction(), ""));
        timeline.execution().ifPresent(e -> steps.add(new Pages.Step("executed by version " + e.version(),
                Pages.time(e.executedAt()), e.transaction(), "strategy " + e.strategy() + ", model " + e.modelId())));
        timeline.verification().ifPresent(v -> steps.add(new Pages.Step("verified: " + v.verdict(),
                Pages.time(v.verifiedAt()), v.transaction(), String.format(Locale.ROOT,
                        "%d of %d probes hit (rate %.3f), alpha %.1e, beta %.1e, membership %.3f; layers: data %s, "
                                + "computation %s, serving %s, statistics %s; certificate %s",
                        v.targetHits(), v.probes(), v.backdoorSuccessRate(), v.alpha(), v.beta(), v.miaStatistic(),
                        v.layers().data(), v.layers().computation(), v.layers().serving(), v.layers().statistics(),
                        v.certificateHash()))));
        String id = timeline.requestId();
        return request.data("timeline", timeline).data("id", id).data("status", timeline.status().name())
                .data("subject", timeline.subjectIdHash().orElse(""))
                .data("dueBy", Pages.time(timeline.clockStart().plus(audit.deadline()))).data("steps", steps)
                .data("violations", audit.violationsOf(List.of(timeline)).get(id).stream().map(Pages.ViolationRow::of)
                        .toList());
    }

    @GET
    @Path("/ui/subjects/{subjectIdHash}")
    public TemplateInstance subject(@PathParam("subjectIdHash") String subjectIdHash) {
        String id = RequestIds.parse("subjectIdHash", subjectIdHash).toHex();
        AuditFacts facts = audit.facts();
        RequestFilter filter = new RequestFilter(Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Integer.MAX_VALUE, 0);
        List<Pages.Labelled> ledger = new ArrayList<>();
        records.commitments(id).forEach(c -> ledger.add(new Pages.Labelled("trigger commitment " + c.rotation(),
                c.commitment() + " at " + Pages.time(c.committedAt()), c.transaction())));
        records.contributions(id).forEach(c -> ledger.add(new Pages.Labelled("contribution of " + c.sampleCount()
                + " samples", c.contributionRoot() + " at " + Pages.time(c.recordedAt()), c.transaction())));
        return subject.data("id", id).data("ledger", ledger).data("requests", timelines.requests(filter).requests().stream()
                .map(t -> Pages.RequestRow.of(t, facts.deadline(), facts.ledgerNow())).toList());
    }

    @GET
    @Path("/ui/versions")
    public TemplateInstance versions() {
        AuditFacts facts = audit.facts();
        Map<String, CertificateCheck> checks = certificates.all();
        List<Pages.VersionRow> rows = new ArrayList<>();
        List<RateChart.Bars> bars = new ArrayList<>();
        Map<String, List<RequestTimeline>> byVersion = new HashMap<>();
        facts.requests().forEach(t -> t.execution().ifPresent(e ->
                byVersion.computeIfAbsent(e.version(), version -> new ArrayList<>()).add(t)));
        for (ModelVersion version : facts.versions()) {
            List<RequestTimeline> executed = byVersion.getOrDefault(version.versionHash(), List.of());
            OptionalDouble after = executed.stream().flatMap(t -> t.verification().stream())
                    .mapToDouble(RequestTimeline.VerificationFigures::backdoorSuccessRate).average();
            OptionalDouble before = executed.stream().map(t -> checks.get(t.requestId()))
                    .filter(check -> check != null && check.rateBefore().isPresent())
                    .mapToDouble(check -> check.rateBefore().get()).average();
            int verified = (int) executed.stream().filter(t -> t.verification().isPresent()).count();
            rows.add(new Pages.VersionRow(version.versionHash(), version.modelId(), version.parentVersion().orElse("-"),
                    Pages.time(version.recordedAt()), version.transaction(), version.executes().size(), verified,
                    rate(before), rate(after)));
            if (verified > 0) {
                bars.add(new RateChart.Bars(version.versionHash().substring(0, 8), before.orElse(Double.NaN),
                        after.orElse(Double.NaN)));
            }
        }
        return versions.data("versions", rows).data("chart", RateChart.svg(bars)).data("charted", !bars.isEmpty());
    }

    @GET
    @Path("/ui/transactions/{hash}")
    public TemplateInstance transaction(@PathParam("hash") String hash) {
        String id = RequestIds.parse("transaction", hash).toHex();
        List<LedgerRecords.Event> events = records.transaction(id);
        if (events.isEmpty()) {
            throw new ProblemException(404, "unknown-transaction", "Unknown transaction",
                    "no indexed ledger event comes from transaction " + id);
        }
        return transaction.data("hash", id).data("events", events.stream().map(e -> new Pages.Labelled(e.kind(),
                "block " + e.blockNumber() + ", log " + e.logIndex() + ", " + Pages.time(e.blockTime()), "")).toList());
    }

    private static String rate(OptionalDouble rate) {
        return rate.isPresent() ? String.format(Locale.ROOT, "%.3f", rate.getAsDouble()) : "-";
    }
}
