package org.lethe.evidence.document;

/** JSON that is not a signed-document envelope. */
public class MalformedDocumentException extends RuntimeException {
    public MalformedDocumentException(String message) {
        super(message);
    }
}
