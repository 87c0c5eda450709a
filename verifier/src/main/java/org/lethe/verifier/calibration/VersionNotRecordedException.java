package org.lethe.verifier.calibration;

/**
 * The served version's checkpoint is not on the ledger (yet): the model service records a version
 * through its outbox, a little after it starts serving it.
 */
public final class VersionNotRecordedException extends RuntimeException {

    public VersionNotRecordedException(String version) {
        super("version " + version + " is not recorded on the ledger");
    }
}
