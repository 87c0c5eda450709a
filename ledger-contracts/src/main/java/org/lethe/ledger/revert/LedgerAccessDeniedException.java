package org.lethe.ledger.revert;

import java.util.Map;

/** The caller lacks the role the function needs, or does not own the record. */
public final class LedgerAccessDeniedException extends LedgerRevertException {
    LedgerAccessDeniedException(String function, ContractError error, Map<String, Object> arguments) {
        super(function, error, arguments);
    }
}
