package org.lethe.service.ledger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerClientConfig;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;

/**
 * The service's connection to the ledger, made on first use and remade after a failure, so the service
 * starts and takes requests while the node is down; the outbox catches up when it returns.
 */
@ApplicationScoped
public class LedgerGateway {

    private static final BigInteger PIPELINED_GAS_LIMIT = BigInteger.valueOf(1_000_000);

    private final LedgerSettings settings;
    private LedgerClient client;

    public LedgerGateway(LedgerSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws org.lethe.ledger.LedgerUnavailableException if the node cannot be reached
     */
    public synchronized LedgerClient client() {
        if (client == null) {
            client = LedgerClient.connect(settings.rpcUrl(), Credentials.create(settings.accountKey().orElseThrow(() ->
                            new IllegalStateException("lethe.ledger.account-key is not set: this service cannot write to the ledger"))),
                    settings.contractAddress(), new LedgerClientConfig(settings.receiptPollInterval(),
                            settings.receiptTimeout(), PIPELINED_GAS_LIMIT));
        }
        return client;
    }

    /** Drops the connection after a failure; the next use reconnects and re-reads the nonce. */
    public synchronized void reset() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @PreDestroy
    void close() {
        reset();
    }
}
