package org.lethe.verifier.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;

/** Signs a certificate: the payload's JSON tree (optionals as values or null), canonicalised and signed. */
public final class CertificateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());

    private CertificateJson() {
    }

    public static SignedDocument sign(DocumentSigner verifier, CertificatePayload payload) {
        return verifier.sign(MAPPER.<JsonNode>valueToTree(payload));
    }
}
