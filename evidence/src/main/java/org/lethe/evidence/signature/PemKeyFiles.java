package org.lethe.evidence.signature;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Ed25519 keys as PEM: PKCS#8 {@code PRIVATE KEY} and X.509 {@code PUBLIC KEY}, the forms
 * {@code openssl genpkey -algorithm ed25519} reads and writes. Private key files are created owner-only.
 */
public final class PemKeyFiles {

    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String PUBLIC_KEY = "PUBLIC KEY";

    private PemKeyFiles() {
    }

    public static String privateKeyPem(Ed25519KeyPair keyPair) {
        try {
            return pem(PRIVATE_KEY, PrivateKeyInfoFactory.createPrivateKeyInfo(keyPair.privateKey()).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String publicKeyPem(Ed25519PublicKey publicKey) {
        try {
            return pem(PUBLIC_KEY,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey.parameters()).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws InvalidKeyFileException if the text holds no PKCS#8 Ed25519 private key
     */
    public static Ed25519KeyPair parsePrivateKey(String pem) {
        Object parsed = parsePem(pem);
        if (!(parsed instanceof PrivateKeyInfo info)) {
            throw new InvalidKeyFileException("expected a PEM PRIVATE KEY block, found " + describe(parsed));
        }
        AsymmetricKeyParameter key = decode(() -> PrivateKeyFactory.createKey(info));
        if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new InvalidKeyFileException("expected an Ed25519 private key, found " + key.getClass().getSimpleName());
        }
        return new Ed25519KeyPair(ed25519);
    }

    /**
     * @throws InvalidKeyFileException if the text holds no X.509 Ed25519 public key
     */
    public static Ed25519PublicKey parsePublicKey(String pem) {
        Object parsed = parsePem(pem);
        if (!(parsed instanceof SubjectPublicKeyInfo info)) {
            throw new InvalidKeyFileException("expected a PEM PUBLIC KEY block, found " + describe(parsed));
        }
        AsymmetricKeyParameter key = decode(() -> PublicKeyFactory.createKey(info));
        if (!(key instanceof Ed25519PublicKeyParameters ed25519)) {
            throw new InvalidKeyFileException("expected an Ed25519 public key, found " + key.getClass().getSimpleName());
        }
        return new Ed25519PublicKey(ed25519);
    }

    /** Writes the private key to a new owner-only file; refuses to overwrite an existing one. */
    public static void writePrivateKey(Path file, Ed25519KeyPair keyPair) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, privateKeyPem(keyPair));
    }

    public static void writePublicKey(Path file, Ed25519PublicKey publicKey) throws IOException {
        Files.writeString(file, publicKeyPem(publicKey));
    }

    public static Ed25519KeyPair readPrivateKey(Path file) throws IOException {
        return parsePrivateKey(Files.readString(file));
    }

    public static Ed25519PublicKey readPublicKey(Path file) throws IOException {
        return parsePublicKey(Files.readString(file));
    }

    private static String pem(String type, byte[] der) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        }
        return out.toString();
    }

    private static Object parsePem(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyFileException("not a readable PEM block: " + e.getMessage());
        }
    }

    private static AsymmetricKeyParameter decode(KeyDecoder decoder) {
        try {
            return decoder.decode();
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyFileException("unreadable key: " + e.getMessage());
        }
    }

    private static String describe(Object parsed) {
        return parsed == null ? "no PEM block" : parsed.getClass().getSimpleName();
    }

    private interface KeyDecoder {
        AsymmetricKeyParameter decode() throws IOException;
    }
}
