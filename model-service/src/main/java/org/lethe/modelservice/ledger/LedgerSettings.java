package org.lethe.modelservice.ledger;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Where the ledger is and who the provider is on it. */
@ConfigMapping(prefix = "lethe.ledger")
public interface LedgerSettings {

    /** The node's JSON-RPC endpoint. */
    String rpcUrl();

    /** The UnlearningLedger contract's address. */
    String contractAddress();

    /** The provider account's private key (hex); a secret, never logged. */
    String providerKey();

    /** How often to ask for a receipt. */
    Duration receiptPollInterval();

    /** How long to wait for a receipt. */
    Duration receiptTimeout();
}
