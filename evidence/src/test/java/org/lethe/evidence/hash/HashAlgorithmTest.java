package org.lethe.evidence.hash;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HashAlgorithmTest {

    @Test
    void sha256OfAbcIsTheFips180Vector() {
        assertEquals(Bytes32.fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                HashAlgorithm.SHA_256.hash("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void keccak256IsEthereumsNotNistSha3() {
        // keccak256("") as every EVM computes it; NIST SHA3-256("") would be a7ffc6f8...
        assertEquals(Bytes32.fromHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
                HashAlgorithm.KECCAK_256.hash(new byte[0]));
    }

    @Test
    void hashesConcatenationOfParts() {
        assertEquals(HashAlgorithm.SHA_256.hash("abc".getBytes(StandardCharsets.US_ASCII)),
                HashAlgorithm.SHA_256.hash("a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void bytes32RejectsWrongLengths() {
        assertThrows(IllegalArgumentException.class, () -> Bytes32.of(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Bytes32.fromHex("0x1234"));
    }
}
