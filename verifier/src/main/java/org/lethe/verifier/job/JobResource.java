package org.lethe.verifier.job;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lethe.service.problem.ProblemException;

import java.util.UUID;

/** A job's progress. */
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final Jobs jobs;

    public JobResource(Jobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{jobId}")
    public JobView job(@PathParam("jobId") String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-id", "Invalid identifier", "a job id is a UUID, got '" + jobId + "'");
        }
        return jobs.find(id).orElseThrow(() -> new ProblemException(404, "unknown-job", "Unknown job", "no job " + jobId));
    }
}
