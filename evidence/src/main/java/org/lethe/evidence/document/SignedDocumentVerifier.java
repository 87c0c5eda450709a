package org.lethe.evidence.document;

import org.lethe.evidence.signature.Ed25519PublicKey;

/** Checks that a {@link SignedDocument}'s signature covers its content. */
public final class SignedDocumentVerifier {

    private SignedDocumentVerifier() {
    }

    /**
     * @throws DocumentVerificationException if the algorithm is not Ed25519 or the signature does not verify
     */
    public static void verify(SignedDocument document) {
        if (!SignedDocument.ED25519.equals(document.algorithm())) {
            throw new DocumentVerificationException("unsupported signature algorithm '" + document.algorithm()
                    + "', expected " + SignedDocument.ED25519);
        }
        if (!document.signer().verifies(document.signingInput(), document.signature())) {
            throw new DocumentVerificationException("signature does not verify for signer " + document.signer().toBase64()
                    + " (signer id " + document.signer().id() + ")");
        }
    }

    /**
     * Verifies the signature and that the expected key made it.
     *
     * @throws DocumentVerificationException if another key signed, or the signature does not verify
     */
    public static void verify(SignedDocument document, Ed25519PublicKey expectedSigner) {
        if (!document.signer().equals(expectedSigner)) {
            throw new DocumentVerificationException("signed by " + document.signer().toBase64() + ", expected "
                    + expectedSigner.toBase64());
        }
        verify(document);
    }
}
