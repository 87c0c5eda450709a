package org.lethe.modelservice;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.service.database.EmbeddedDatabase;
import org.lethe.service.process.ScratchDirectory;

import java.util.HashMap;
import java.util.Map;

/**
 * The real things the model service needs in tests: an embedded PostgreSQL in a fresh directory and
 * an Anvil node with the ledger contract, the service signing as the provider account.
 */
public class ModelServiceTestResources implements QuarkusTestResourceLifecycleManager {

    /** The operators' token in tests. */
    public static final String ADMIN_TOKEN = "test-admin-token";
    /** The verifier's token for replay material in tests. */
    public static final String REPLAY_TOKEN = "test-replay-token";

    private static AnvilLedger ledger;
    private EmbeddedDatabase database;
    /** The service's database and checkpoints; removed when the tests stop. */
    private ScratchDirectory state;

    /** The running ledger, to check what the service wrote. */
    public static AnvilLedger ledger() {
        return ledger;
    }

    @Override
    public Map<String, String> start() {
        state = ScratchDirectory.create("lethe-model-service");
        database = EmbeddedDatabase.start(state.path().resolve("postgres"));
        ledger = AnvilLedger.start();
        Map<String, String> config = new HashMap<>(database.datasourceConfig());
        config.put("lethe.ledger.rpc-url", ledger.node().rpcUrl());
        config.put("lethe.ledger.contract-address", ledger.contractAddress());
        config.put("lethe.ledger.account-key", ledger.provider().getEcKeyPair().getPrivateKey().toString(16));
        config.put("lethe.ledger.receipt-poll-interval", "5ms");
        config.put("lethe.outbox.poll-interval", "200ms");
        config.put("lethe.outbox.initial-backoff", "200ms");
        config.put("lethe.outbox.max-backoff", "1s");
        config.put("lethe.contributions.max-samples", "500");
        config.put("lethe.contributions.max-body-bytes", "600000");
        // a small SISA model that trains in seconds on two cores
        config.put("lethe.model.shards", "2");
        config.put("lethe.model.slices", "2");
        config.put("lethe.model.epochs-per-slice", "2");
        config.put("lethe.model.base-samples", "3000");
        config.put("lethe.model.checkpoint-directory", state.path().resolve("checkpoints").toString());
        config.put("lethe.admin.token", ADMIN_TOKEN);
        config.put("lethe.replay.token", REPLAY_TOKEN);
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
