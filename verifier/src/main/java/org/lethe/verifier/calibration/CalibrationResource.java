package org.lethe.verifier.calibration;

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

/** Calibration: start one with the subject's clean samples; read the latest. */
@Path("/subjects/{subjectId}/calibration")
@Produces(MediaType.APPLICATION_JSON)
public class CalibrationResource {

    private final CalibrationService calibrations;

    public CalibrationResource(CalibrationService calibrations) {
        this.calibrations = calibrations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response calibrate(@PathParam("subjectId") String subjectId, String body) {
        return Response.accepted(calibrations.request(RequestIds.parse("subjectId", subjectId), body)).build();
    }

    @GET
    public CalibrationView latest(@PathParam("subjectId") String subjectId) {
        return calibrations.latest(RequestIds.parse("subjectId", subjectId)).orElseThrow(() -> new ProblemException(404,
                "not-calibrated", "Not calibrated", "subject " + subjectId + " has no calibration yet"));
    }
}
