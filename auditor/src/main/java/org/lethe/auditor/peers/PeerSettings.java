package org.lethe.auditor.peers;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.Optional;

/** The services whose answers the auditor compares with the ledger. */
@ConfigMapping(prefix = "lethe.auditor.peers")
public interface PeerSettings {

    /** The model service: its served version must be the newest recorded one. Unset: not checked. */
    Optional<String> modelServiceUrl();

    /** The verifier: its certificates must match the ledger's hashes. Unset: not checked. */
    Optional<String> verifierUrl();

    /**
     * The verifier's Ed25519 public key (base64), pinned. Unset: taken from the verifier's
     * {@code GET /verifier/key} at the first check and kept.
     */
    Optional<String> verifierPublicKey();

    /** How often to ask them. */
    Duration checkInterval();
}
