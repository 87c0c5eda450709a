package org.lethe.modelservice.deletion;

import java.util.List;

/**
 * What a subject signs to ask for deletion.
 *
 * @param subjectId         the subject (SHA-256 of the signing key, 0x-hex)
 * @param contributionRoots the contributions to delete (their Merkle roots)
 * @param nonce             unique per subject: a replayed request is refused
 * @param requestedAt       when the subject signed it (ISO-8601); must lie within the service's clock window
 */
public record DeletionRequestPayload(String subjectId, List<String> contributionRoots, String nonce, String requestedAt) {
}
