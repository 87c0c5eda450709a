package org.lethe.modelservice.contribution;

import org.lethe.service.subject.SamplePayload;

import java.util.List;

/**
 * What a subject signs to contribute samples.
 *
 * @param subjectId the contributing subject (SHA-256 of the signing key, 0x-hex)
 * @param createdAt when the subject made it (ISO-8601)
 * @param samples   the samples: base64 of 784 raw pixel bytes, and a label 0..9
 */
public record ContributionPayload(String subjectId, String createdAt, List<SamplePayload> samples) {
}
