package org.lethe.ledger.testing;

import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerClientConfig;
import org.lethe.ledger.node.AnvilNode;
import org.lethe.ledger.node.LedgerDeployer;
import org.lethe.ledger.record.LedgerRole;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running Anvil node with the UnlearningLedger deployed and one fresh account per role: admin,
 * provider, verifier, and an outsider that holds no role. Gas is free, so new accounts need no funds.
 */
public final class AnvilLedger implements AutoCloseable {

    private final Path stateFile;
    private AnvilNode node;
    private final String contractAddress;
    private final Credentials admin = newAccount();
    private final Credentials provider = newAccount();
    private final Credentials verifier = newAccount();
    private final Credentials outsider = newAccount();
    private final List<LedgerClient> clients = new ArrayList<>();

    private AnvilLedger(AnvilNode node, Path stateFile) {
        this.node = node;
        this.stateFile = stateFile;
        this.contractAddress = LedgerDeployer.deploy(node.rpcUrl(), admin, AnvilNode.CHAIN_ID,
                LedgerClientConfig.instantMining().receiptPollInterval());
        LedgerClient adminClient = client(admin);
        adminClient.grantRole(LedgerRole.PROVIDER, provider.getAddress());
        adminClient.grantRole(LedgerRole.VERIFIER, verifier.getAddress());
    }

    /** Starts a node (its chain kept in a state file, for restarts), deploys the contract and grants the roles. */
    public static AnvilLedger start() {
        Path stateFile;
        try {
            stateFile = Files.createTempFile("anvil-state-", ".json");
            Files.delete(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AnvilNode node = AnvilNode.start(Optional.empty(), AnvilNode.freePort(), Optional.of(stateFile));
        try {
            return new AnvilLedger(node, stateFile);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    public synchronized AnvilNode node() {
        return node;
    }

    /** Stops the node as an operator would; clients get connection errors until {@link #startAgain()}. */
    public synchronized void stopNode() {
        node.stop();
    }

    /** Starts the node again on the same port, continuing the same chain. */
    public synchronized void startAgain() {
        node = AnvilNode.start(Optional.empty(), node.port(), Optional.of(stateFile));
    }

    public String contractAddress() {
        return contractAddress;
    }

    public Credentials admin() {
        return admin;
    }

    public Credentials provider() {
        return provider;
    }

    public Credentials verifier() {
        return verifier;
    }

    public Credentials outsider() {
        return outsider;
    }

    /** A fresh account that the admin granted the role. */
    public Credentials newAccountWith(LedgerRole role) {
        Credentials account = newAccount();
        client(admin).grantRole(role, account.getAddress());
        return account;
    }

    /** A client signing as the account; closed with the ledger. */
    public synchronized LedgerClient client(Credentials account) {
        LedgerClient client = LedgerClient.connect(node().rpcUrl(), account, contractAddress,
                LedgerClientConfig.instantMining());
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        clients.forEach(LedgerClient::close);
        node.close();
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    private static Credentials newAccount() {
        try {
            return Credentials.create(Keys.createEcKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
