package org.lethe.service.subject;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.ml.data.Sample;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A subject's side of marking: the samples the verifier sends back, and which of them it left unchanged. */
public final class MarkedSamples {

    private MarkedSamples() {
    }

    /** The samples of the verifier's marking answer, marks in place, to contribute as they are. */
    public static List<Sample> of(JsonNode markingAnswer) {
        List<Sample> samples = new ArrayList<>();
        JsonNode returned = markingAnswer.path("samples");
        for (int i = 0; i < returned.size(); i++) {
            samples.add(new Sample("marked-" + i, Base64.getDecoder().decode(returned.get(i).path("image").asText()),
                    returned.get(i).path("label").asInt()));
        }
        return samples;
    }

    /** The marked samples that came back unchanged: those the membership test may score. */
    public static List<Sample> unchanged(List<Sample> marked, List<Sample> original) {
        List<Sample> clean = new ArrayList<>();
        for (int i = 0; i < marked.size(); i++) {
            if (marked.get(i).hash().equals(original.get(i).hash())) {
                clean.add(marked.get(i));
            }
        }
        return clean;
    }
}
