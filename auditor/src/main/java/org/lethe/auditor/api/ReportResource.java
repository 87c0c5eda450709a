package org.lethe.auditor.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lethe.auditor.report.IssuedReport;
import org.lethe.auditor.report.ReportKey;
import org.lethe.auditor.report.ReportService;
import org.lethe.auditor.report.ReportSettings;
import org.lethe.auditor.report.ReportStore;
import org.lethe.evidence.cms.ReportSigningKey;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.service.auth.BearerToken;
import org.lethe.service.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compliance reports for regulators, behind their bearer token: issue one for a period, then fetch its
 * JSON, PDF and their detached CMS signatures. The certificate that checks them is public.
 */
@Path("/reports")
public class ReportResource {

    /** The longest period one report covers. */
    private static final Duration MAX_PERIOD = Duration.ofDays(3660);

    /** The period asked for: dates (start of day, UTC) or instants. */
    public record ReportRequest(String from, String to) {
    }

    /** An issued report and where its files are. */
    public record ReportReceipt(String id, Instant from, Instant to, Instant generatedAt, Map<String, String> files) {
    }

    private static final Map<String, FileKind> FILES = Map.of(
            "report.json", new FileKind("application/json", IssuedReport::json),
            "report.json.p7s", new FileKind("application/pkcs7-signature", IssuedReport::jsonSignature),
            "report.pdf", new FileKind("application/pdf", IssuedReport::pdf),
            "report.pdf.p7s", new FileKind("application/pkcs7-signature", IssuedReport::pdfSignature));

    private record FileKind(String mediaType, Function<IssuedReport, byte[]> bytes) {
    }

    private final ReportService reports;
    private final ReportStore store;
    private final ReportSettings settings;
    private final ReportKey key;

    public ReportResource(ReportService reports, ReportStore store, ReportSettings settings, ReportKey key) {
        this.reports = reports;
        this.store = store;
        this.settings = settings;
        this.key = key;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        authorize(authorization);
        ReportRequest request = CanonicalJson.bind(CanonicalJson.parse(body), ReportRequest.class);
        Instant from = time("from", request.from());
        Instant to = time("to", request.to());
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.badRequest("invalid-period", "Invalid period", "from (" + from
                    + ") must be before to (" + to + "), at most " + MAX_PERIOD.toDays() + " days apart");
        }
        IssuedReport issued = reports.issue(from, to);
        Map<String, String> files = new TreeMap<>();
        FILES.keySet().forEach(name -> files.put(name, "/reports/" + issued.id() + "/" + name));
        files.put("certificate", "/reports/certificate");
        return Response.status(201).entity(new ReportReceipt(issued.id(), from, to, issued.generatedAt(), files)).build();
    }

    @GET
    @Path("/{id}/{file}")
    public Response file(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
                         @PathParam("file") String file) {
        authorize(authorization);
        FileKind kind = FILES.get(file);
        if (kind == null) {
            throw new ProblemException(404, "unknown-file", "Unknown report file", "a report has the files "
                    + new TreeSet<>(FILES.keySet()) + ", not '" + file + "'");
        }
        IssuedReport report = store.find(id).orElseThrow(() -> new ProblemException(404, "unknown-report",
                "Unknown report", "no report " + id + " was issued"));
        return Response.ok(kind.bytes().apply(report), kind.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** The certificate report signatures are checked against; public, for regulators to pin. */
    @GET
    @Path("/certificate")
    @Produces("application/x-pem-file")
    public String certificate() {
        return ReportSigningKey.certificatePem(key.key().certificate());
    }

    private void authorize(String authorization) {
        String token = settings.regulatorToken().orElseThrow(() -> new ProblemException(503, "reports-disabled",
                "Reports disabled", "no regulator token is configured (lethe.auditor.reports.regulator-token)"));
        if (!BearerToken.presented(authorization, Optional.of(token))) {
            throw new ProblemException(401, "regulator-token", "Regulator token required",
                    "reports need the header Authorization: Bearer <regulator token>");
        }
    }

    private static Instant time(String name, String value) {
        return QueryParameters.time(name, value).orElseThrow(() -> ProblemException.badRequest("invalid-period",
                "Invalid period", name + " is required"));
    }
}
