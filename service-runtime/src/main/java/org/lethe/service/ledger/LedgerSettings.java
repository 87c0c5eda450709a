package org.lethe.service.ledger;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Where the ledger is and which account the service writes with. */
@ConfigMapping(prefix = "lethe.ledger")
public interface LedgerSettings {

    /** The node's JSON-RPC endpoint. */
    String rpcUrl();

    /** The UnlearningLedger contract's address. */
    String contractAddress();

    /** The service's account's private key (hex): the provider's or the verifier's; a secret, never logged. */
    String accountKey();

    /** How often to ask for a receipt. */
    Duration receiptPollInterval();

    /** How long to wait for a receipt. */
    Duration receiptTimeout();
}
