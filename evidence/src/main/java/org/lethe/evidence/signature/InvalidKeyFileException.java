package org.lethe.evidence.signature;

/** A key file or PEM text that does not hold the expected Ed25519 key. */
public class InvalidKeyFileException extends RuntimeException {
    public InvalidKeyFileException(String message) {
        super(message);
    }
}
