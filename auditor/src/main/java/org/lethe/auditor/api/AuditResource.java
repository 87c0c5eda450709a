package org.lethe.auditor.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lethe.auditor.audit.AuditService;
import org.lethe.auditor.audit.AuditSummary;
import org.lethe.auditor.audit.IndexStatus;
import org.lethe.auditor.rules.AuditFacts;
import org.lethe.auditor.rules.AuditRule;
import org.lethe.auditor.rules.RuleBook;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.BatchProgress;
import org.lethe.auditor.timeline.ModelVersion;
import org.lethe.auditor.timeline.TimelineStore;
import org.lethe.service.problem.ProblemException;

import java.util.List;
import java.util.Optional;

/** The audit's findings and the ledger records behind them, for auditors: read only. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** A rule as the auditor checks it. */
    public record RuleView(String id, String title) {
    }

    private final AuditService audit;
    private final TimelineStore timelines;

    public AuditResource(AuditService audit, TimelineStore timelines) {
        this.audit = audit;
        this.timelines = timelines;
    }

    @GET
    @Path("/violations")
    public List<Violation> violations(@QueryParam("rule") String rule) {
        Optional<String> wanted = Optional.ofNullable(rule).filter(text -> !text.isBlank());
        if (wanted.isPresent() && RuleBook.rules().stream().noneMatch(known -> known.id().equals(wanted.get()))) {
            throw ProblemException.badRequest("unknown-rule", "Unknown rule", "rule must be one of "
                    + RuleBook.rules().stream().map(AuditRule::id).toList() + ", got '" + wanted.get() + "'");
        }
        return audit.violations().stream().filter(v -> wanted.isEmpty() || v.rule().equals(wanted.get())).toList();
    }

    @GET
    @Path("/rules")
    public List<RuleView> rules() {
        return RuleBook.rules().stream().map(rule -> new RuleView(rule.id(), rule.title())).toList();
    }

    @GET
    @Path("/summary")
    public AuditSummary summary() {
        AuditFacts facts = audit.facts();
        return AuditSummary.of(facts, RuleBook.check(facts), audit.indexStatus());
    }

    @GET
    @Path("/index")
    public IndexStatus index() {
        return audit.indexStatus();
    }

    @GET
    @Path("/batches")
    public List<BatchProgress> batches() {
        return timelines.batches();
    }

    @GET
    @Path("/versions")
    public List<ModelVersion> versions(@QueryParam("model") String model) {
        return timelines.versions(QueryParameters.id("model", model));
    }
}
