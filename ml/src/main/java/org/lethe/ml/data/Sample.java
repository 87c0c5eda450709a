package org.lethe.ml.data;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One labelled 28×28 grey-scale image. Its hash, SHA-256 of the label byte followed by the 784
 * pixel bytes, is its identity in training-set and contribution Merkle trees.
 */
public final class Sample {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;

    private final String id;
    private final byte[] image;
    private final int label;
    private final Bytes32 hash;

    /**
     * @throws IllegalArgumentException if the image is not 784 bytes or the label not in 0..9
     */
    public Sample(String id, byte[] image, int label) {
        if (image.length != PIXELS) {
            throw new IllegalArgumentException("sample " + id + ": an image is " + PIXELS + " bytes, got " + image.length);
        }
        if (label < 0 || label >= CLASSES) {
            throw new IllegalArgumentException("sample " + id + ": label must be in 0.." + (CLASSES - 1) + ", got " + label);
        }
        this.id = id;
        this.image = image.clone();
        this.label = label;
        this.hash = HashAlgorithm.SHA_256.hash(new byte[] {(byte) label}, image);
    }

    public String id() {
        return id;
    }

    /** A copy of the 784 pixel bytes, row by row. */
    public byte[] image() {
        return image.clone();
    }

    /** Appends the 784 pixel bytes to a buffer, without copying the image first. */
    public void copyImageTo(ByteBuffer buffer) {
        buffer.put(image);
    }

    /** Pixel {@code index} scaled to [0, 1]. */
    public float pixel(int index) {
        return (image[index] & 0xFF) / 255f;
    }

    public int label() {
        return label;
    }

    public Bytes32 hash() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sample that && label == that.label && id.equals(that.id) && Arrays.equals(image, that.image);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "Sample[" + id + ", label " + label + ", " + hash + "]";
    }
}
