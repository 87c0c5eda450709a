package org.lethe.ledger;

/** The node could not be reached, did not answer in time, or refused a transaction for a reason that is not the contract's. */
public class LedgerUnavailableException extends RuntimeException {
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerUnavailableException(String message) {
        super(message);
    }
}
