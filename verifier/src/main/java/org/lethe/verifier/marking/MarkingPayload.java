package org.lethe.verifier.marking;

import org.lethe.service.subject.SamplePayload;

import java.util.List;

/**
 * What a subject signs to have samples marked before contributing them.
 *
 * @param subjectId the enrolled subject
 * @param createdAt when (ISO-8601)
 * @param samples   the samples the subject will contribute
 */
public record MarkingPayload(String subjectId, String createdAt, List<SamplePayload> samples) {
}
