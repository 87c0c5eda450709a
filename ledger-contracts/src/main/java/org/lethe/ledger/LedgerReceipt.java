package org.lethe.ledger;

/**
 * Proof that a write is on chain.
 *
 * @param txHash      the transaction's hash
 * @param blockNumber the block that holds it
 * @param gasUsed     gas the transaction used
 */
public record LedgerReceipt(String txHash, long blockNumber, long gasUsed) {
}
