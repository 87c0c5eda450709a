package org.lethe.cli.local;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ledger.testing.AnvilLedgerExtension;
import org.lethe.service.process.ServiceProcess;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged verifier refuses, when it starts, settings that would fail a subject's request later. */
@ExtendWith(AnvilLedgerExtension.class)
class VerifierStartChecksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lethe.verifier.marking.fraction         | 1.5 | the marked fraction must lie in (0, 1], got 1.5",
            "lethe.verifier.marking.cover-fraction   | 1   | the cover fraction must lie in [0, 1), got 1.0",
            "lethe.verifier.statistics.alpha         | 0   | need α, β in (0, 1)",
            "lethe.verifier.statistics.null-triggers | 1   | nullTriggers ≥ 2",
            "lethe.verifier.sentinels.count          | 4   | 4 × 300 images after the 9000 reference images must fit in the 10000 test images"})
    void aSettingNoMeasurementCouldUseStopsTheVerifierAtStart(String key, String value, String reason, AnvilLedger ledger) {
        Map<String, String> settings = settings(ledger);
        settings.put(key, value);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ServiceProcess.start(ServiceProcess.VERIFIER, settings).close());

        assertTrue(refused.getMessage().contains("exited") && refused.getMessage().contains(reason), refused.getMessage());
    }

    private static Map<String, String> settings(AnvilLedger ledger) {
        Map<String, String> settings = ServiceSettings.onLedger(ledger, ledger.verifier());
        settings.put("lethe.verifier.model-service-url", "http://127.0.0.1:9");
        byte[] vaultKey = new byte[32];
        new SecureRandom().nextBytes(vaultKey);
        settings.put("lethe.verifier.triggers.vault-key", Base64.getEncoder().encodeToString(vaultKey));
        return settings;
    }
}
