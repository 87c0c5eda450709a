package org.lethe.verifier.key;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.evidence.signature.PemKeyFiles;
import org.lethe.service.database.DataDirectory;
import org.lethe.verifier.VerifierMain;
import org.lethe.verifier.service.VerifierSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** The verifier's Ed25519 key, which signs every certificate; made on first start, kept owner-readable only. */
@ApplicationScoped
public class VerifierKey {

    private final DocumentSigner signer;

    public VerifierKey(VerifierSettings settings) {
        Path file = settings.signingKeyFile().map(Path::of)
                .orElseGet(() -> DataDirectory.of(VerifierMain.SERVICE, "keys").resolve("verifier.pem"));
        this.signer = new DocumentSigner(load(file));
    }

    public DocumentSigner signer() {
        return signer;
    }

    private static Ed25519KeyPair load(Path file) {
        try {
            if (Files.exists(file)) {
                return PemKeyFiles.readPrivateKey(file);
            }
            Files.createDirectories(file.getParent());
            Ed25519KeyPair created = Ed25519KeyPair.generate(new SecureRandom());
            PemKeyFiles.writePrivateKey(file, created);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the verifier's key " + file, e);
        }
    }
}
