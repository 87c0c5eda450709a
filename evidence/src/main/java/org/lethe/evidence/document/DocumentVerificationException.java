package org.lethe.evidence.document;

/** A signed document whose signature, signer or algorithm is not what it must be. */
public class DocumentVerificationException extends RuntimeException {
    public DocumentVerificationException(String message) {
        super(message);
    }
}
