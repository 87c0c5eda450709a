package org.lethe.verifier.marking;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lethe.service.problem.RequestIds;

/** Marking: a subject's signed samples in, the samples to contribute out. */
@Path("/subjects/{subjectId}/marking")
@Produces(MediaType.APPLICATION_JSON)
public class MarkingResource {

    private final MarkingService marking;

    public MarkingResource(MarkingService marking) {
        this.marking = marking;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public MarkingAnswer mark(@PathParam("subjectId") String subjectId, String body) {
        return marking.mark(RequestIds.parse("subjectId", subjectId), body);
    }
}
