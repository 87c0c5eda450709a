package org.lethe.auditor.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lethe.auditor.audit.AuditService;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.RequestFilter;
import org.lethe.auditor.timeline.RequestTimeline;
import org.lethe.auditor.timeline.TimelineStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deletion requests as the ledger shows them, for auditors: read only. */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestResource {

    /**
     * One request's timeline with what it owes.
     *
     * @param status     where it stands
     * @param dueBy      when the deadline falls
     * @param timeline   the steps on the ledger
     * @param violations the broken rules that name it
     */
    public record RequestView(String status, Instant dueBy, RequestTimeline timeline, List<Violation> violations) {
    }

    /** A page of requests. */
    public record RequestPage(long total, int limit, int offset, List<RequestView> requests) {
    }

    private final TimelineStore timelines;
    private final AuditService audit;

    public RequestResource(TimelineStore timelines, AuditService audit) {
        this.timelines = timelines;
        this.audit = audit;
    }

    @GET
    public RequestPage requests(@QueryParam("subject") String subject, @QueryParam("status") String status,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("model") String model, @QueryParam("limit") @DefaultValue("100") int limit,
                                @QueryParam("offset") @DefaultValue("0") int offset) {
        Optional<Instant> start = QueryParameters.time("from", from);
        Optional<Instant> end = QueryParameters.time("to", to);
        QueryParameters.checkPeriod(start, end);
        RequestFilter filter = new RequestFilter(QueryParameters.id("subject", subject), QueryParameters.status(status),
                start, end, QueryParameters.id("model", model), QueryParameters.limit(limit),
                QueryParameters.offset(offset));
        TimelineStore.Page page = timelines.requests(filter);
        Map<String, List<Violation>> violations = audit.violationsOf(page.requests());
        return new RequestPage(page.total(), limit, offset, page.requests().stream()
                .map(request -> view(request, violations.get(request.requestId()))).toList());
    }

    @GET
    @Path("/{requestId}")
    public RequestView request(@PathParam("requestId") String requestId) {
        RequestTimeline timeline = timelines.requestNamed(requestId);
        return view(timeline, audit.violationsOf(List.of(timeline)).get(timeline.requestId()));
    }

    private RequestView view(RequestTimeline timeline, List<Violation> violations) {
        return new RequestView(timeline.status().name(), timeline.clockStart().plus(audit.deadline()), timeline,
                violations);
    }
}
