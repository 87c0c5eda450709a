package org.lethe.modelservice.model;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lethe.modelservice.problem.ProblemException;

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

    @GET
    @Path("/versions")
    @Transactional
    public List<ModelVersionView> versions() {
        return ModelVersionEntity.<ModelVersionEntity>list("order by number").stream().map(ModelVersionView::of).toList();
    }
}
