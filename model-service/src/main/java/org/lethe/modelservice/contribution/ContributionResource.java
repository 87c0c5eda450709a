package org.lethe.modelservice.contribution;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;

import java.nio.charset.StandardCharsets;

/** Subjects contribute signed samples; anyone may look up a contribution's ledger status by its root. */
@Path("/contributions")
@Produces(MediaType.APPLICATION_JSON)
public class ContributionResource {

    private final ContributionService contributions;
    private final ContributionSettings settings;

    public ContributionResource(ContributionService contributions, ContributionSettings settings) {
        this.contributions = contributions;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response contribute(String body) {
        long size = body.getBytes(StandardCharsets.UTF_8).length;
        if (size > settings.maxBodyBytes()) {
            throw new ProblemException(413, "body-too-large", "Request body too large",
                    "the body is " + size + " bytes; the limit is " + settings.maxBodyBytes());
        }
        ContributionReceipt receipt = contributions.accept(body);
        return Response.status(201).entity(receipt).build();
    }

    @GET
    @Path("/{root}")
    public ContributionReceipt contribution(@PathParam("root") String root) {
        Bytes32 id = RequestIds.parse("contribution root", root);
        return contributions.find(id).orElseThrow(() -> new ProblemException(404, "unknown-contribution",
                "Unknown contribution", "no contribution " + id));
    }
}
