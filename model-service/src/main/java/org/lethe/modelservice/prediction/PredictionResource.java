package org.lethe.modelservice.prediction;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ml.data.Sample;
import org.lethe.modelservice.model.ModelRegistry;
import org.lethe.service.problem.ProblemException;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The served model as any client (the verifier too) sees it: images in, probabilities and version out. */
@Path("/predictions")
public class PredictionResource {

    private final ModelRegistry registry;
    private final PredictionSettings settings;

    public PredictionResource(ModelRegistry registry, PredictionSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PredictionAnswer predict(String body) {
        PredictionRequest request = CanonicalJson.bind(CanonicalJson.parse(body), PredictionRequest.class);
        List<Sample> images = images(request);
        ModelRegistry.Prediction prediction = registry.predict(images);
        return new PredictionAnswer(prediction.versionHash(), prediction.probabilities());
    }

    private List<Sample> images(PredictionRequest request) {
        if (request.images() == null || request.images().isEmpty()) {
            throw invalid("send at least one image");
        }
        if (request.images().size() > settings.maxImages()) {
            throw invalid("at most " + settings.maxImages() + " images per request, got " + request.images().size());
        }
        List<Sample> images = new ArrayList<>(request.images().size());
        for (int i = 0; i < request.images().size(); i++) {
            byte[] pixels;
            try {
                pixels = Base64.getDecoder().decode(String.valueOf(request.images().get(i)));
            } catch (IllegalArgumentException e) {
                throw invalid("image " + i + " is not base64: " + e.getMessage());
            }
            if (pixels.length != Sample.PIXELS) {
                throw invalid("image " + i + " is " + pixels.length + " bytes; 784 (28×28) expected");
            }
            // the label is unused for prediction; 0 keeps the sample well-formed
            images.add(new Sample("query-" + i, pixels, 0));
        }
        return images;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-prediction-request", "Invalid prediction request", detail);
    }
}
