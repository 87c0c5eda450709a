package org.lethe.modelservice.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.modelservice.model.ModelChanges;
import org.lethe.modelservice.model.UnlearningStrategySetting;
import org.lethe.service.auth.BearerToken;
import org.lethe.service.problem.ProblemException;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** The provider's operations: start training or unlearning, read or switch the strategy. Each needs the admin bearer token. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final ModelChanges changes;
    private final UnlearningStrategySetting strategy;
    private final AdminSettings settings;

    public AdminResource(ModelChanges changes, UnlearningStrategySetting strategy, AdminSettings settings) {
        this.changes = changes;
        this.strategy = strategy;
        this.settings = settings;
    }

    @POST
    @Path("/training")
    public Response train(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        return started(changes.train());
    }

    @POST
    @Path("/unlearning")
    public Response unlearn(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        return started(changes.unlearn());
    }

    /** The unlearning strategy in force. */
    @GET
    @Path("/strategy")
    public Map<String, String> strategy(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        return Map.of("strategy", strategy.current().label());
    }

    /**
     * Switches the unlearning strategy: {@code {"strategy": "sisa" | "retrain" | "finetune" | "gradient-ascent"}}, or
     * for evaluating the verifier only {@code "none" | "marks-only" | "filtered" | "stale"}.
     */
    @PUT
    @Path("/strategy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> switchStrategy(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        authorize(authorization);
        String name = CanonicalJson.parse(body).path("strategy").asText(null);
        return Map.of("strategy", strategy.switchTo(name).label());
    }

    private static Response started(UUID job) {
        return Response.accepted(Map.of("jobId", job.toString())).location(URI.create("/jobs/" + job)).build();
    }

    private void authorize(String authorization) {
        if (!BearerToken.presented(authorization, settings.token())) {
            throw new ProblemException(401, "admin-token-required", "Admin token required",
                    "this operation needs 'Authorization: Bearer <admin token>'");
        }
    }
}
