package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

/**
 * The execution of a deletion request or batch by a new model version.
 *
 * @param target     the request id or batch root executed
 * @param modelId    the model that unlearned
 * @param newVersion the recorded version without the deleted data
 * @param strategy   how it unlearned
 */
public record Unlearning(Bytes32 target, Bytes32 modelId, Bytes32 newVersion, UnlearningStrategy strategy) {
}
