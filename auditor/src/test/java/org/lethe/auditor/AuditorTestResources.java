package org.lethe.auditor;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.service.database.EmbeddedDatabase;
import org.lethe.service.process.ScratchDirectory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real things the auditor reads in tests: an embedded PostgreSQL, an Anvil node with the ledger contract
 * (histories are written through {@link LedgerHistory}), and peers answering as the model service and the
 * verifier do. Deadlines are a day, so tests move the ledger's clock instead of waiting.
 */
public class AuditorTestResources implements QuarkusTestResourceLifecycleManager {

    public static final String REGULATOR_TOKEN = "regulator-token-for-tests";

    private static AnvilLedger ledger;
    private static PeerStub peers;
    private EmbeddedDatabase database;
    /** The auditor's database and report-signing keys; removed when the tests stop. */
    private ScratchDirectory scratch;

    public static AnvilLedger ledger() {
        return ledger;
    }

    public static PeerStub peers() {
        return peers;
    }

    @Override
    public Map<String, String> start() {
        scratch = ScratchDirectory.create("lethe-auditor");
        Path state = scratch.path();
        database = EmbeddedDatabase.start(state.resolve("postgres"));
        ledger = AnvilLedger.start();
        peers = PeerStub.start();
        Map<String, String> config = new HashMap<>(database.datasourceConfig());
        config.put("lethe.ledger.rpc-url", ledger.node().rpcUrl());
        config.put("lethe.ledger.contract-address", ledger.contractAddress());
        config.put("lethe.auditor.index.poll-interval", "1h");
        config.put("lethe.auditor.rules.deadline", "P1D");
        config.put("lethe.auditor.peers.model-service-url", peers.url());
        config.put("lethe.auditor.peers.verifier-url", peers.url());
        config.put("lethe.auditor.peers.verifier-public-key", peers.verifierKey().toBase64());
        config.put("lethe.auditor.peers.check-interval", "1h");
        config.put("lethe.auditor.reports.regulator-token", REGULATOR_TOKEN);
        config.put("lethe.auditor.reports.key-file", state.resolve("keys/report-signing.key").toString());
        config.put("lethe.auditor.reports.certificate-file", state.resolve("keys/report-signing.crt").toString());
        return config;
    }

    @Override
    public void stop() {
        if (peers != null) {
            peers.close();
        }
        if (ledger != null) {
            ledger.close();
        }
        if (database != null) {
            database.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }
}
