package org.lethe.service.subject;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.service.problem.ProblemException;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A sample as subjects send it in signed documents.
 *
 * @param image base64 of the 28×28 pixel bytes, row by row
 * @param label the class, 0..9
 */
public record SamplePayload(String image, Integer label) {

    /** The payload form of a sample. */
    public static SamplePayload of(Sample sample) {
        return new SamplePayload(Base64.getEncoder().encodeToString(sample.image()), sample.label());
    }

    /**
     * Parses a document's samples, every one checked.
     *
     * @param invalid makes the 400 for a detail (each document kind has its own problem type)
     * @throws ProblemException for no samples, more than {@code maxSamples}, a malformed or a repeated one
     */
    public static List<Sample> parseAll(List<SamplePayload> payloads, int maxSamples,
                                        Function<String, ProblemException> invalid) {
        if (payloads == null || payloads.isEmpty()) {
            throw invalid.apply("at least one sample is needed");
        }
        if (payloads.size() > maxSamples) {
            throw invalid.apply("at most " + maxSamples + " samples are taken, got " + payloads.size());
        }
        List<Sample> samples = new ArrayList<>();
        Set<Bytes32> seen = new HashSet<>();
        for (int i = 0; i < payloads.size(); i++) {
            SamplePayload payload = payloads.get(i);
            if (payload == null || payload.image() == null || payload.label() == null) {
                throw invalid.apply("sample " + i + " needs an image and a label");
            }
            byte[] image;
            try {
                image = Base64.getDecoder().decode(payload.image());
            } catch (IllegalArgumentException e) {
                throw invalid.apply("sample " + i + ": image is not base64: " + e.getMessage());
            }
            if (image.length != Sample.PIXELS) {
                throw invalid.apply("sample " + i + ": an image is " + Sample.PIXELS + " bytes (28×28), got " + image.length);
            }
            if (payload.label() < 0 || payload.label() >= Sample.CLASSES) {
                throw invalid.apply("sample " + i + ": label must be 0.." + (Sample.CLASSES - 1) + ", got " + payload.label());
            }
            Sample parsed = new Sample("sample-" + i, image, payload.label());
            if (!seen.add(parsed.hash())) {
                throw invalid.apply("sample " + i + " repeats an earlier sample of this document");
            }
            samples.add(parsed);
        }
        return samples;
    }
}
