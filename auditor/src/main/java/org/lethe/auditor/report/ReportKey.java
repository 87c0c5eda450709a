package org.lethe.auditor.report;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.AuditorMain;
import org.lethe.evidence.cms.ReportSigningKey;
import org.lethe.service.database.DataDirectory;

import java.nio.file.Path;

/** The auditor's report signing key, loaded or made once. */
@ApplicationScoped
public class ReportKey {

    private final ReportSigningKey key;

    public ReportKey(ReportSettings settings) {
        Path keys = DataDirectory.of(AuditorMain.SERVICE, "keys");
        this.key = ReportSigningKey.loadOrCreate(
                settings.keyFile().map(Path::of).orElse(keys.resolve("report-signing.key")),
                settings.certificateFile().map(Path::of).orElse(keys.resolve("report-signing.crt")),
                "CN=Lethe auditor, O=Lethe");
    }

    public ReportSigningKey key() {
        return key;
    }
}
