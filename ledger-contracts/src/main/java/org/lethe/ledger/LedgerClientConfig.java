package org.lethe.ledger;

import java.math.BigInteger;
import java.time.Duration;

/**
 * How a {@link LedgerClient} talks to its node.
 *
 * @param receiptPollInterval how often to ask for a receipt (web3j's default of 15 s suits mainnet, not a
 *                            local node that mines at once or a QBFT network with 1–2 s blocks)
 * @param receiptTimeout      how long to wait for a receipt before giving up
 * @param pipelinedGasLimit   gas limit of writes sent without a pre-flight estimate
 */
public record LedgerClientConfig(Duration receiptPollInterval, Duration receiptTimeout, BigInteger pipelinedGasLimit) {

    /** For a node that mines each transaction at once (Anvil without a block time). */
    public static LedgerClientConfig instantMining() {
        return new LedgerClientConfig(Duration.ofMillis(5), Duration.ofSeconds(30), BigInteger.valueOf(1_000_000));
    }

    /** For a node with block times of about a second (Anvil with a block time, Besu QBFT). */
    public static LedgerClientConfig withBlockTime() {
        return new LedgerClientConfig(Duration.ofMillis(100), Duration.ofSeconds(60), BigInteger.valueOf(1_000_000));
    }
}
