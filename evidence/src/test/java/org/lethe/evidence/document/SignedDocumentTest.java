package org.lethe.evidence.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.signature.Ed25519KeyPair;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedDocumentTest {

    private final Ed25519KeyPair subject = Ed25519KeyPair.generate(new SecureRandom());
    private final DocumentSigner signer = new DocumentSigner(subject);

    record DeletionPayload(String subjectId, String nonce, long requestedAt) {
    }

    @Test
    void signedDocumentRoundTripsThroughJsonAndVerifies() {
        SignedDocument document = signer.sign(new DeletionPayload("abc", "n-1", 1_700_000_000L));

        SignedDocument parsed = SignedDocumentCodec.parse(document.toString());

        assertEquals(document, parsed);
        assertEquals(document.hash(), parsed.hash());
        SignedDocumentVerifier.verify(parsed, subject.publicKey());
    }

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheSignedBytes() {
        SignedDocument document = signer.sign(CanonicalJson.parse("{\"b\": 1, \"a\": [true, null]}"));
        String reordered = "{ \"signature\": \"" + document.toJson().get("signature").asText() + "\",\n"
                + "  \"payload\": {\"a\": [true, null], \"b\": 1.0},\n"
                + "  \"signer\": \"" + subject.publicKey().toBase64() + "\", \"algorithm\": \"Ed25519\" }";

        SignedDocumentVerifier.verify(SignedDocumentCodec.parse(reordered));
    }

    @ParameterizedTest(name = "byte {0} of the canonical document changed")
    @ValueSource(ints = {12, 40, 60, 90})
    void documentWithOneChangedByteFailsVerification(int offset) {
        SignedDocument document = signer.sign(Map.of("subjectId", "0123456789abcdef", "nonce", "n-42",
                "contributionRoots", new String[] {"0xaaaaaaaaaaaaaaaaaaaaaaaa"}));
        byte[] bytes = document.toString().getBytes(StandardCharsets.UTF_8);
        int payloadStart = document.toString().indexOf("\"payload\"") + "\"payload\":{\"".length();
        int position = payloadStart + offset % 40;
        bytes[position] = (byte) (bytes[position] == 'x' ? 'y' : 'x');

        String tampered = new String(bytes, StandardCharsets.UTF_8);
        assertThrows(RuntimeException.class, () -> SignedDocumentVerifier.verify(SignedDocumentCodec.parse(tampered)),
                "tampered document verified: " + tampered);
    }

    @Test
    void changedSignatureByteFailsVerification() {
        SignedDocument document = signer.sign(Map.of("k", "v"));
        byte[] signature = document.signature();
        signature[5] ^= 0x40;

        SignedDocument forged = new SignedDocument(document.payload(), document.signer(), document.algorithm(), signature);
        DocumentVerificationException error = assertThrows(DocumentVerificationException.class,
                () -> SignedDocumentVerifier.verify(forged));
        assertTrue(error.getMessage().contains("does not verify"), error.getMessage());
    }

    @Test
    void documentSignedByAnotherKeyIsRefused() {
        Ed25519KeyPair other = Ed25519KeyPair.generate(new SecureRandom());
        SignedDocument document = new DocumentSigner(other).sign(Map.of("k", "v"));

        DocumentVerificationException error = assertThrows(DocumentVerificationException.class,
                () -> SignedDocumentVerifier.verify(document, subject.publicKey()));
        assertTrue(error.getMessage().contains("expected " + subject.publicKey().toBase64()), error.getMessage());
    }

    @Test
    void signerSubstitutionFailsVerification() {
        Ed25519KeyPair other = Ed25519KeyPair.generate(new SecureRandom());
        SignedDocument document = signer.sign(Map.of("k", "v"));
        ObjectNode swapped = document.toJson();
        swapped.put("signer", other.publicKey().toBase64());

        assertThrows(DocumentVerificationException.class,
                () -> SignedDocumentVerifier.verify(SignedDocumentCodec.fromJson(swapped)));
    }

    @Test
    void unknownAlgorithmIsRefused() {
        SignedDocument document = signer.sign(Map.of("k", "v"));
        ObjectNode json = document.toJson();
        json.put("algorithm", "none");

        DocumentVerificationException error = assertThrows(DocumentVerificationException.class,
                () -> SignedDocumentVerifier.verify(SignedDocumentCodec.fromJson(json)));
        assertTrue(error.getMessage().contains("unsupported signature algorithm 'none'"), error.getMessage());
    }

    @Test
    void malformedEnvelopesNameTheirProblem() {
        assertEquals("missing field 'payload'",
                assertThrows(MalformedDocumentException.class,
                        () -> SignedDocumentCodec.parse("{\"signer\":\"x\"}")).getMessage());
        assertTrue(assertThrows(MalformedDocumentException.class,
                () -> SignedDocumentCodec.parse("{\"payload\":{},\"algorithm\":\"Ed25519\",\"signer\":\"AAAA\","
                        + "\"signature\":\"\"}")).getMessage().contains("'signer'"));
        assertTrue(assertThrows(MalformedDocumentException.class,
                () -> SignedDocumentCodec.parse("[1,2")).getMessage().startsWith("not JSON"));
    }
}
