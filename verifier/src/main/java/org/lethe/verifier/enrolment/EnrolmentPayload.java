package org.lethe.verifier.enrolment;

/**
 * What a subject signs to enrol.
 *
 * @param subjectId SHA-256 of the signing key, 0x-hex
 * @param createdAt when the subject made it (ISO-8601)
 */
public record EnrolmentPayload(String subjectId, String createdAt) {
}
