package org.lethe.verifier;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.service.database.EmbeddedDatabase;
import org.lethe.service.process.ScratchDirectory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The real things the verifier needs in tests: an embedded PostgreSQL in a fresh directory and an Anvil
 * node with the ledger contract, the service signing as the verifier account.
 */
public class VerifierTestResources implements QuarkusTestResourceLifecycleManager {

    /** The verifier operator's token in tests. */
    public static final String OPERATOR_TOKEN = "test-operator-token";

    private static AnvilLedger ledger;
    private static Path replayDirectory;
    private EmbeddedDatabase database;
    /** The verifier's own state: its database, key and reference models; removed when the tests stop. */
    private ScratchDirectory state;

    /** Where the verifier keeps the checkpoints its replays train. */
    public static Path replayDirectory() {
        return replayDirectory;
    }

    public static AnvilLedger ledger() {
        return ledger;
    }

    @Override
    public Map<String, String> start() {
        state = ScratchDirectory.create("lethe-verifier");
        Path directory = state.path();
        database = EmbeddedDatabase.start(directory.resolve("postgres"));
        ledger = AnvilLedger.start();
        byte[] vaultKey = new byte[32];
        new SecureRandom().nextBytes(vaultKey);
        Map<String, String> config = new HashMap<>(database.datasourceConfig());
        config.put("lethe.ledger.rpc-url", ledger.node().rpcUrl());
        config.put("lethe.ledger.contract-address", ledger.contractAddress());
        config.put("lethe.ledger.account-key", ledger.verifier().getEcKeyPair().getPrivateKey().toString(16));
        config.put("lethe.ledger.receipt-poll-interval", "5ms");
        config.put("lethe.verifier.triggers.vault-key", Base64.getEncoder().encodeToString(vaultKey));
        config.put("lethe.verifier.signing-key-file", directory.resolve("keys/verifier.pem").toString());
        config.put("lethe.verifier.shadows.checkpoint-directory", directory.resolve("reference-models").toString());
        replayDirectory = directory.resolve("replay");
        config.put("lethe.verifier.replay.checkpoint-directory", replayDirectory.toString());
        config.put("lethe.verifier.marking.max-samples", "400");
        config.put("lethe.verifier.sentinels.key-directory", directory.resolve("sentinels").toString());
        config.put("lethe.verifier.operator-token", OPERATOR_TOKEN);
        return config;
    }

    @Override
    public void stop() {
        if (ledger != null) {
            ledger.close();
        }
        if (database != null) {
            database.close();
        }
        if (state != null) {
            state.close();
        }
    }
}
