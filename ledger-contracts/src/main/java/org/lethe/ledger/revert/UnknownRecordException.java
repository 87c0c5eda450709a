package org.lethe.ledger.revert;

import java.util.Map;

/** The call refers to a model, version, request or commitment the ledger does not hold. */
public final class UnknownRecordException extends LedgerRevertException {
    UnknownRecordException(String function, ContractError error, Map<String, Object> arguments) {
        super(function, error, arguments);
    }
}
