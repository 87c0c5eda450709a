package org.lethe.ml.network;

import org.lethe.evidence.hash.Bytes32;

import java.nio.file.Path;

/** A parameter file whose content is not the one recorded: never served, never trained on. */
public class TamperedParametersException extends RuntimeException {
    private final Bytes32 actual;

    public TamperedParametersException(Path file, Bytes32 expected, Bytes32 actual) {
        super("parameter file " + file + " has SHA-256 " + actual + " but " + expected + " was recorded: refusing to load it");
        this.actual = actual;
    }

    /** What the content hashes to. */
    public Bytes32 actual() {
        return actual;
    }
}
