package org.lethe.service.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where the ledger is and which account the service writes with. */
@ConfigMapping(prefix = "lethe.ledger")
public interface LedgerSettings {

    /** The node's JSON-RPC endpoint. */
    String rpcUrl();

    /** The UnlearningLedger contract's address. */
    String contractAddress();

    /**
     * The service's account's private key (hex): the provider's or the verifier's; a secret, never logged.
     * Empty for a service that only reads the ledger (the auditor).
     */
    Optional<String> accountKey();

    /** How often to ask for a receipt. */
    @WithDefault("100ms")
    Duration receiptPollInterval();

    /** How long to wait for a receipt. */
    @WithDefault("60s")
    Duration receiptTimeout();
}
