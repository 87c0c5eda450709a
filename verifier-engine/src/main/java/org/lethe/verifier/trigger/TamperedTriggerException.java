package org.lethe.verifier.trigger;

import org.lethe.evidence.hash.Bytes32;

/** A sealed trigger that does not open: changed at rest, or another subject's. Says nothing of the secret. */
public class TamperedTriggerException extends RuntimeException {
    public TamperedTriggerException(Bytes32 subjectId, String reason) {
        super("the sealed trigger of subject " + subjectId + " does not open: " + reason);
    }
}
