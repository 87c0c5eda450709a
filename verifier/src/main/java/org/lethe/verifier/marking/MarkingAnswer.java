package org.lethe.verifier.marking;

import org.lethe.service.subject.SamplePayload;

import java.util.List;

/**
 * The samples to contribute, marks in place. Which ones carry the trigger is not said: the subject
 * contributes them all alike, and the provider cannot tell.
 *
 * @param subjectId the subject
 * @param samples   the samples in the order sent, a fraction stamped and relabelled, another covered
 * @param marks     how many carry the trigger
 * @param covers    how many carry a random pattern and keep their label
 */
public record MarkingAnswer(String subjectId, List<SamplePayload> samples, int marks, int covers) {
}
