package org.lethe.ledger.revert;

import java.util.Map;

/** The call would break one of the ledger's invariants (zero values, future times, bad figures). */
public final class InvariantViolationException extends LedgerRevertException {
    InvariantViolationException(String function, ContractError error, Map<String, Object> arguments) {
        super(function, error, arguments);
    }
}
