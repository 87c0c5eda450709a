package org.lethe.ledger;

/**
 * One encoded contract call, ready to be sent alone ({@link LedgerClient#execute}) or pipelined with
 * others ({@link LedgerClient#submitAll}). Made by {@link LedgerClient#writes()}.
 *
 * @param function the contract function, for messages
 * @param data     the ABI-encoded call data
 */
public record LedgerWrite(String function, String data) {
}
