package org.lethe.verifier.certificate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;

/** Verifications: a subject asks for one; anyone reads the certificate by the deletion request's id. */
@Path("/verifications")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final VerificationService verifications;

    public VerificationResource(VerificationService verifications) {
        this.verifications = verifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(String body) {
        return Response.accepted(verifications.request(body)).build();
    }

    @GET
    @Path("/{requestId}")
    public VerificationView verification(@PathParam("requestId") String requestId) {
        return verifications.find(RequestIds.parse("requestId", requestId)).orElseThrow(() -> new ProblemException(404,
                "unknown-verification", "Unknown verification", "no verification of request " + requestId));
    }
}
