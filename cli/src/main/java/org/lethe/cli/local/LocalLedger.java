package org.lethe.cli.local;

import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerClientConfig;
import org.lethe.ledger.node.AnvilNode;
import org.lethe.ledger.node.LedgerDeployer;
import org.lethe.ledger.record.LedgerRole;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fresh local ledger for the demo and the benchmarks: an Anvil node, the UnlearningLedger deployed by
 * a new admin account, a new provider account that holds the provider role and a new verifier account
 * that holds the verifier role.
 */
public final class LocalLedger implements AutoCloseable {

    private final AnvilNode node;
    private final Credentials admin;
    private final Credentials provider;
    private final Credentials verifier;
    private final String contractAddress;

    private final LedgerClientConfig clients;

    private LocalLedger(AnvilNode node, Credentials admin, Credentials provider, Credentials verifier,
                        String contractAddress, LedgerClientConfig clients) {
        this.node = node;
        this.clients = clients;
        this.admin = admin;
        this.provider = provider;
        this.verifier = verifier;
        this.contractAddress = contractAddress;
    }

    /** A node that mines each transaction as it arrives. */
    public static LocalLedger start() throws GeneralSecurityException {
        return start(Optional.empty());
    }

    /** A node that mines at the given interval (as Besu does), or on arrival when empty. */
    public static LocalLedger start(Optional<Duration> blockTime) throws GeneralSecurityException {
        AnvilNode node = AnvilNode.start(blockTime);
        LedgerClientConfig clients = blockTime.isPresent() ? LedgerClientConfig.withBlockTime()
                : LedgerClientConfig.instantMining();
        try {
            Credentials admin = Credentials.create(Keys.createEcKeyPair());
            Credentials provider = Credentials.create(Keys.createEcKeyPair());
            Credentials verifier = Credentials.create(Keys.createEcKeyPair());
            String contract = LedgerDeployer.deploy(node.rpcUrl(), admin, AnvilNode.CHAIN_ID,
                    clients.receiptPollInterval());
            try (LedgerClient adminClient = LedgerClient.connect(node.rpcUrl(), admin, contract, clients)) {
                adminClient.grantRole(LedgerRole.PROVIDER, provider.getAddress());
                adminClient.grantRole(LedgerRole.VERIFIER, verifier.getAddress());
            }
            return new LocalLedger(node, admin, provider, verifier, contract, clients);
        } catch (RuntimeException | GeneralSecurityException e) {
            node.close();
            throw e;
        }
    }

    public String rpcUrl() {
        return node.rpcUrl();
    }

    public String contractAddress() {
        return contractAddress;
    }

    /** A read-only view of the chain (signing as the admin, who sends nothing through it). */
    public LedgerClient reader() {
        return LedgerClient.connect(node.rpcUrl(), admin, contractAddress, clients);
    }

    /** A client signing as the provider account. */
    public LedgerClient providerClient() {
        return LedgerClient.connect(node.rpcUrl(), provider, contractAddress, clients);
    }

    /** A client signing as the verifier account. */
    public LedgerClient verifierClient() {
        return LedgerClient.connect(node.rpcUrl(), verifier, contractAddress, clients);
    }

    /** The model service's ledger settings for this ledger, signing as the provider account. */
    public Map<String, String> serviceSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("lethe.ledger.rpc-url", rpcUrl());
        settings.put("lethe.ledger.contract-address", contractAddress);
        settings.put("lethe.ledger.account-key", providerKey());
        settings.put("lethe.ledger.receipt-poll-interval", "5ms");
        return settings;
    }

    /** The verifier service's ledger settings for this ledger, signing as the verifier account. */
    public Map<String, String> verifierSettings() {
        Map<String, String> settings = serviceSettings();
        settings.put("lethe.ledger.account-key", verifier.getEcKeyPair().getPrivateKey().toString(16));
        return settings;
    }

    /** The provider account's private key in hex, for the model service's configuration. */
    public String providerKey() {
        return provider.getEcKeyPair().getPrivateKey().toString(16);
    }

    public String providerAddress() {
        return provider.getAddress();
    }

    @Override
    public void close() {
        node.close();
    }
}
