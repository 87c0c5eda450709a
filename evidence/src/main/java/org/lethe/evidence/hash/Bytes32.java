package org.lethe.evidence.hash;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable 32-byte value: a digest, a Merkle node, an identifier recorded on the ledger.
 * Compared by content and printed as lower-case hex with a {@code 0x} prefix.
 */
public final class Bytes32 implements Comparable<Bytes32> {

    /** Number of bytes in every value. */
    public static final int LENGTH = 32;

    /** The all-zero value, used on the ledger for "none" (a model's first version has no parent). */
    public static final Bytes32 ZERO = new Bytes32(new byte[LENGTH]);

    private final byte[] bytes;

    private Bytes32(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of exactly 32 bytes.
     *
     * @throws IllegalArgumentException if the array is not 32 bytes long
     */
    public static Bytes32 of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("expected " + LENGTH + " bytes, got " + bytes.length);
        }
        return new Bytes32(bytes.clone());
    }

    /**
     * Parses 64 hex digits, with or without a {@code 0x} prefix.
     *
     * @throws IllegalArgumentException if the text is not 64 hex digits
     */
    public static Bytes32 fromHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("expected " + 2 * LENGTH + " hex digits, got " + digits.length());
        }
        return new Bytes32(HexFormat.of().parseHex(digits));
    }

    /** A copy of the 32 bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** Lower-case hex with a {@code 0x} prefix. */
    public String toHex() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** Unsigned lexicographic order, the order Solidity uses when it compares {@code bytes32}. */
    @Override
    public int compareTo(Bytes32 other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes32 that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
