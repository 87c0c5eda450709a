package org.lethe.auditor.report;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Who may have reports and what signs them. */
@ConfigMapping(prefix = "lethe.auditor.reports")
public interface ReportSettings {

    /** The bearer token regulators present; a secret. Unset: reports are refused. */
    Optional<String> regulatorToken();

    /** The signing key (PKCS#8 PEM); default {@code $LETHE_DATA_DIR/auditor/keys/report-signing.key}, made on first start. */
    Optional<String> keyFile();

    /** Its certificate (PEM), which regulators pin; default next to the key. */
    Optional<String> certificateFile();
}
