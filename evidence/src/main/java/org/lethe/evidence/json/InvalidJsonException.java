package org.lethe.evidence.json;

/** Text that is not the JSON it was expected to be. */
public class InvalidJsonException extends RuntimeException {
    public InvalidJsonException(String message) {
        super(message);
    }
}
