package org.lethe.verifier.sentinel;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.lethe.service.auth.BearerToken;
import org.lethe.service.problem.ProblemException;
import org.lethe.verifier.service.VerifierSettings;

/** The verifier operator's sentinels: made on request, reported as counts only, behind the operator token. */
@Path("/sentinels")
@Produces(MediaType.APPLICATION_JSON)
public class SentinelResource {

    private final SentinelService sentinels;
    private final VerifierSettings settings;

    public SentinelResource(SentinelService sentinels, VerifierSettings settings) {
        this.sentinels = sentinels;
        this.settings = settings;
    }

    /** Enrols, marks and contributes every configured sentinel not yet contributed; run before training. */
    @POST
    public SentinelStatus enrol(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        return sentinels.enrolAll();
    }

    @GET
    public SentinelStatus status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        return sentinels.status();
    }

    private void authorize(String authorization) {
        if (!BearerToken.presented(authorization, settings.operatorToken())) {
            throw new ProblemException(401, "operator-token-required", "Operator token required",
                    "this operation needs 'Authorization: Bearer <operator token>' (lethe.verifier.operator-token)");
        }
    }
}
