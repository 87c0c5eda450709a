package org.lethe.ledger.revert;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The contract refused a call with one of its custom errors. Subclasses group the errors by what a
 * caller does about them; {@link #error()} and {@link #arguments()} say exactly which and why.
 */
public abstract sealed class LedgerRevertException extends RuntimeException
        permits LedgerAccessDeniedException, DuplicateRecordException, UnknownRecordException,
        InvariantViolationException {

    private final String function;
    private final ContractError error;
    private final Map<String, Object> arguments;

    LedgerRevertException(String function, ContractError error, Map<String, Object> arguments) {
        super(function + " reverted with " + error + arguments.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "(", ")")));
        this.function = function;
        this.error = error;
        this.arguments = Map.copyOf(arguments);
    }

    /** The contract function that reverted. */
    public String function() {
        return function;
    }

    public ContractError error() {
        return error;
    }

    /** The error's arguments by name: {@code Bytes32}, {@code BigInteger}, {@code String} (addresses, strings). */
    public Map<String, Object> arguments() {
        return arguments;
    }

    static LedgerRevertException of(String function, ContractError error, Map<String, Object> arguments) {
        return switch (error.kind()) {
            case ACCESS_DENIED -> new LedgerAccessDeniedException(function, error, arguments);
            case DUPLICATE -> new DuplicateRecordException(function, error, arguments);
            case UNKNOWN_RECORD -> new UnknownRecordException(function, error, arguments);
            case INVARIANT -> new InvariantViolationException(function, error, arguments);
        };
    }
}
