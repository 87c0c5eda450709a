package org.lethe.ledger.event;

/**
 * Where an event sits in the chain.
 *
 * @param blockNumber the block
 * @param txHash      the transaction that emitted it
 * @param logIndex    its index among the block's logs
 */
public record LedgerPosition(long blockNumber, String txHash, long logIndex) implements Comparable<LedgerPosition> {
    @Override
    public int compareTo(LedgerPosition other) {
        int byBlock = Long.compare(blockNumber, other.blockNumber);
        return byBlock != 0 ? byBlock : Long.compare(logIndex, other.logIndex);
    }
}
