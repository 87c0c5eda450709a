package org.lethe.verifier.enrolment;

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

/** Enrolment: a subject-signed request in, the public commitment out. */
@Path("/subjects")
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {

    private final EnrolmentService enrolments;

    public EnrolmentResource(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enrol(String body) {
        return Response.status(Response.Status.CREATED).entity(enrolments.enrol(body)).build();
    }

    @GET
    @Path("/{subjectId}")
    public EnrolmentReceipt subject(@PathParam("subjectId") String subjectId) {
        return enrolments.find(RequestIds.parse("subjectId", subjectId)).orElseThrow(() -> new ProblemException(404,
                "unknown-subject", "Unknown subject", "subject " + subjectId + " is not enrolled"));
    }
}
