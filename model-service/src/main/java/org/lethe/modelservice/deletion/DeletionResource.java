package org.lethe.modelservice.deletion;

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

/** Subjects ask for deletion with a signed request and follow it by its id; a batch lists its requests. */
@Path("/deletions")
@Produces(MediaType.APPLICATION_JSON)
public class DeletionResource {

    private final DeletionService deletions;

    public DeletionResource(DeletionService deletions) {
        this.deletions = deletions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(String body) {
        return Response.accepted(deletions.accept(body)).build();
    }

    @GET
    @Path("/batches/{batchRoot}")
    public DeletionBatchView batch(@PathParam("batchRoot") String batchRoot) {
        var root = RequestIds.parse("batch root", batchRoot);
        return deletions.batch(root).orElseThrow(() -> new ProblemException(404, "unknown-deletion-batch",
                "Unknown deletion batch", "no deletion batch " + root));
    }

    @GET
    @Path("/{requestId}")
    public DeletionReceipt deletion(@PathParam("requestId") String requestId) {
        var id = RequestIds.parse("request id", requestId);
        return deletions.find(id).orElseThrow(() -> new ProblemException(404, "unknown-deletion-request",
                "Unknown deletion request", "no deletion request " + id));
    }
}
