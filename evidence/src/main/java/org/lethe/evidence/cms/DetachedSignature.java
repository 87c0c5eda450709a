package org.lethe.evidence.cms;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.lethe.evidence.document.DocumentVerificationException;
import org.lethe.evidence.hash.HashAlgorithm;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Detached CMS signatures (RFC 5652, DER) over a file's bytes: what {@code openssl cms -sign -binary} makes
 * and {@code openssl cms -verify -binary -content FILE} checks. The signer's certificate travels inside.
 */
public final class DetachedSignature {

    /**
     * A signature that checked.
     *
     * @param signer            the signer certificate's subject
     * @param certificateSha256 SHA-256 of the signer certificate's DER, to compare with a pinned one
     * @param signedAt          the signing time the signer stated
     */
    public record Checked(String signer, String certificateSha256, Optional<Instant> signedAt) {
    }

    private DetachedSignature() {
    }

    public static byte[] sign(byte[] content, ReportSigningKey key) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(ReportSigningKey.PROVIDER).build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(ReportSigningKey.PROVIDER)
                            .build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(key.certificate())));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /**
     * Checks that the signature covers exactly {@code content}, made by the certificate it carries, and, when
     * given, that this certificate is the pinned one.
     *
     * @throws DocumentVerificationException if the signature is malformed, does not cover the content, or
     *                                       another certificate made it
     */
    public static Checked verify(byte[] content, byte[] signature, Optional<X509Certificate> pinned) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
        } catch (CMSException | RuntimeException e) {
            throw new DocumentVerificationException("not a CMS signature: " + e.getMessage());
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new DocumentVerificationException("expected one signer, found " + signers.size());
        }
        SignerInformation signer = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certificates = signed.getCertificates().getMatches(signer.getSID());
        if (certificates.isEmpty()) {
            throw new DocumentVerificationException("the signature carries no certificate of its signer");
        }
        X509CertificateHolder certificate = certificates.iterator().next();
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(ReportSigningKey.PROVIDER)
                    .build(certificate))) {
                throw new DocumentVerificationException("the signature does not cover this content");
            }
            if (pinned.isPresent() && !Arrays.equals(pinned.get().getEncoded(), certificate.getEncoded())) {
                throw new DocumentVerificationException("signed by " + certificate.getSubject()
                        + ", not by the pinned certificate " + pinned.get().getSubjectX500Principal().getName());
            }
            return new Checked(certificate.getSubject().toString(),
                    HashAlgorithm.SHA_256.hash(certificate.getEncoded()).toHex(), signingTime(signer));
        } catch (CMSException e) {
            throw new DocumentVerificationException("the signature does not cover this content: " + e.getMessage());
        } catch (OperatorCreationException | CertificateException | IOException e) {
            throw new DocumentVerificationException("the signer's certificate cannot be used: " + e.getMessage());
        }
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute time = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (time == null) {
            return Optional.empty();
        }
        return Optional.of(Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant());
    }
}
