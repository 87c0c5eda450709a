package org.lethe.modelservice.job;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.lethe.service.problem.ProblemException;

import java.time.Duration;
import java.util.UUID;

/** Progress of training and unlearning jobs, as a snapshot or a server-sent event stream. */
@Path("/jobs")
public class JobResource {

    private static final Duration STREAM_INTERVAL = Duration.ofMillis(500);

    private final Jobs jobs;

    public JobResource(Jobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView job(@PathParam("id") String id) {
        return find(id);
    }

    /** One event every half second until the job has finished (the last event shows how). */
    @GET
    @Blocking
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<JobView> events(@PathParam("id") String id) {
        UUID jobId = find(id).id();
        return Multi.createFrom().ticks().every(STREAM_INTERVAL)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> jobs.find(jobId).orElseThrow())
                .select().first(view -> !view.status().finished())
                .onCompletion().switchTo(() -> Multi.createFrom().item(() -> jobs.find(jobId).orElseThrow()));
    }

    private JobView find(String id) {
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-id", "Invalid identifier", "job id must be a UUID, got '" + id + "'");
        }
        return jobs.find(jobId).orElseThrow(() -> new ProblemException(404, "unknown-job", "Unknown job", "no job " + jobId));
    }
}
