package org.lethe.service.subject;

import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;

/** Documents name their subject; only that subject's key may sign them. */
public final class SubjectCheck {

    private SubjectCheck() {
    }

    /**
     * @return the subject id, once the signer's id equals the one named
     * @throws ProblemException 400 for a malformed id, 403 when another key signed
     */
    public static Bytes32 signerIsSubject(SignedDocument document, String claimedSubjectId) {
        Bytes32 claimed = RequestIds.parse("subjectId", claimedSubjectId);
        Bytes32 signer = document.signer().id();
        if (!signer.equals(claimed)) {
            throw new ProblemException(403, "signer-not-subject", "Signed by another key",
                    "the document names subject " + claimed + " but was signed by the key of subject " + signer);
        }
        return claimed;
    }
}
