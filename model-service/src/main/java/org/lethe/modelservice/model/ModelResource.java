package org.lethe.modelservice.model;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;

import java.util.List;

/** The served version and the history of versions. */
@Path("/model")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelRegistry registry;

    public ModelResource(ModelRegistry registry) {
        this.registry = registry;
    }

    @GET
    public ModelVersionView current() {
        return registry.current().map(ModelRegistry.Served::version).orElseThrow(() -> new ProblemException(404,
                "no-model", "No model yet", "no model version has been trained yet"));
    }

    /**
     * For each sample hash, whether the version trained on it, with a proof against its training-set root:
     * a subject checks offline that a version after their deletion lacks their samples.
     */
    @POST
    @Path("/versions/{version}/training-set")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public TrainingSetProofs trainingSet(@PathParam("version") String version, String body) {
        Bytes32 versionHash = RequestIds.parse("version", version);
        List<Bytes32> asked = TrainingSetProofs.asked(body);
        ModelVersionEntity entity = ModelVersionEntity.<ModelVersionEntity>findByIdOptional(versionHash.toHex())
                .orElseThrow(() -> new ProblemException(404, "unknown-version", "Unknown model version",
                        "no model version " + versionHash));
        return TrainingSetProofs.of(entity.versionHash, ModelLayoutCodec.sampleHashes(entity.layout), asked);
    }


    @GET
    @Path("/versions")
    @Transactional
    public List<ModelVersionView> versions() {
        return ModelVersionEntity.<ModelVersionEntity>list("order by number").stream().map(ModelVersionView::of).toList();
    }
}
