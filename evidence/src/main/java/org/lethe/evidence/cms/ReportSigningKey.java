package org.lethe.evidence.cms;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.lethe.evidence.signature.InvalidKeyFileException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The key a service signs reports with as CMS: an ECDSA P-256 key and a self-signed X.509 certificate, the
 * forms {@code openssl cms -verify} checks. Kept as two PEM files; the key file is owner-only.
 *
 * @param privateKey  the signing key
 * @param certificate its certificate, which a report's signature carries and a regulator pins
 */
public record ReportSigningKey(PrivateKey privateKey, X509Certificate certificate) {

    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final Duration VALIDITY = Duration.ofDays(3650);

    /** The key in the files, or a new one written there when neither exists. */
    public static ReportSigningKey loadOrCreate(Path keyFile, Path certificateFile, String subject) {
        if (Files.exists(keyFile) || Files.exists(certificateFile)) {
            return load(keyFile, certificateFile);
        }
        ReportSigningKey key = generate(subject, new SecureRandom());
        try {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.createDirectories(certificateFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, pem(pkcs8(key.privateKey)));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: permissions are the platform's business
            }
            Files.writeString(certificateFile, certificatePem(key.certificate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    /**
     * @throws InvalidKeyFileException if a file is missing or holds something else
     */
    public static ReportSigningKey load(Path keyFile, Path certificateFile) {
        try {
            Object key = parse(Files.readString(keyFile));
            if (!(key instanceof PrivateKeyInfo info)) {
                throw new InvalidKeyFileException(keyFile + " holds no PEM PRIVATE KEY");
            }
            return new ReportSigningKey(new JcaPEMKeyConverter().setProvider(PROVIDER).getPrivateKey(info),
                    parseCertificate(Files.readString(certificateFile)));
        } catch (IOException e) {
            throw new InvalidKeyFileException("cannot read the report signing key: " + e.getMessage());
        }
    }

    /** A new key with a self-signed certificate for {@code subject} (an X.500 name, e.g. {@code CN=Lethe auditor}). */
    public static ReportSigningKey generate(String subject, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(PROVIDER).build(pair.getPrivate()));
            return new ReportSigningKey(pair.getPrivate(), new JcaX509CertificateConverter().setProvider(PROVIDER)
                    .getCertificate(holder));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("generating a report signing key failed", e);
        }
    }

    /**
     * @throws InvalidKeyFileException if the text holds no PEM certificate
     */
    public static X509Certificate parseCertificate(String pem) {
        try {
            Object parsed = parse(pem);
            if (!(parsed instanceof X509CertificateHolder holder)) {
                throw new InvalidKeyFileException("expected a PEM CERTIFICATE block");
            }
            return new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(holder);
        } catch (CertificateException e) {
            throw new InvalidKeyFileException("not an X.509 certificate: " + e.getMessage());
        }
    }

    public static String certificatePem(X509Certificate certificate) {
        return pem(certificate);
    }

    /** PKCS#8 {@code PRIVATE KEY}, as {@code openssl genpkey} writes it. */
    private static Object pkcs8(PrivateKey key) {
        try {
            return new JcaPKCS8Generator(key, null).generate();
        } catch (PemGenerationException e) {
            throw new IllegalStateException("encoding the report signing key failed", e);
        }
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Object parse(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            if (parsed == null) {
                throw new InvalidKeyFileException("no PEM block found");
            }
            return parsed;
        } catch (IOException e) {
            throw new InvalidKeyFileException("not PEM: " + e.getMessage());
        }
    }
}
