package org.lethe.modelservice.admin;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lethe.modelservice.model.ModelChanges;
import org.lethe.modelservice.problem.ProblemException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;

/** The provider's operations: start training or unlearning. Each needs the admin bearer token. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final ModelChanges changes;
    private final AdminSettings settings;

    public AdminResource(ModelChanges changes, AdminSettings settings) {
        this.changes = changes;
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

    private static Response started(UUID job) {
        return Response.accepted(Map.of("jobId", job.toString())).location(URI.create("/jobs/" + job)).build();
    }

    private void authorize(String authorization) {
        String token = settings.token().filter(t -> !t.isBlank()).orElse(null);
        // constant-time comparison: the token must not leak through timing
        if (authorization == null || token == null || !MessageDigest.isEqual(
                ("Bearer " + token).getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "admin-token-required", "Admin token required",
                    "this operation needs 'Authorization: Bearer <admin token>'");
        }
    }
}
