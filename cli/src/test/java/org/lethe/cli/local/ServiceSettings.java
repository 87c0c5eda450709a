package org.lethe.cli.local;

import org.lethe.ledger.testing.AnvilLedger;
import org.web3j.crypto.Credentials;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a packaged service needs to reach the test's ledger, signing with the given account. */
final class ServiceSettings {

    private ServiceSettings() {
    }

    static Map<String, String> onLedger(AnvilLedger ledger, Credentials account) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("lethe.ledger.rpc-url", ledger.node().rpcUrl());
        settings.put("lethe.ledger.contract-address", ledger.contractAddress());
        settings.put("lethe.ledger.account-key", account.getEcKeyPair().getPrivateKey().toString(16));
        return settings;
    }
}
