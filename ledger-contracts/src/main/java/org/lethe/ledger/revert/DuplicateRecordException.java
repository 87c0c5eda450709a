package org.lethe.ledger.revert;

import java.util.Map;

/** The record is already on the ledger; for an idempotent writer, content that matches means done. */
public final class DuplicateRecordException extends LedgerRevertException {
    DuplicateRecordException(String function, ContractError error, Map<String, Object> arguments) {
        super(function, error, arguments);
    }
}
