package org.lethe.cli.local;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ledger.testing.AnvilLedgerExtension;
import org.lethe.service.process.ServiceProcess;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged model service refuses, when it starts, an unlearning strategy it could not carry out. */
@ExtendWith(AnvilLedgerExtension.class)
class ModelServiceStartChecksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "lethe.model.unlearning-strategy      | forget-all | 'forget-all' is none of [sisa, retrain",
            "lethe.model.dishonest.query-filter   | blur:3     | query filter 'blur:3': unknown kind 'blur'",
            "lethe.model.dishonest.mark-detector  | eyes       | mark detector 'eyes' is none of [bright-background"})
    void aStrategyTheServiceCouldNotCarryOutStopsItAtStart(String key, String value, String reason, AnvilLedger ledger) {
        Map<String, String> settings = ServiceSettings.onLedger(ledger, ledger.provider());
        settings.put(key, value);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings).close());

        assertTrue(refused.getMessage().contains("exited") && refused.getMessage().contains(reason), refused.getMessage());
    }
}
