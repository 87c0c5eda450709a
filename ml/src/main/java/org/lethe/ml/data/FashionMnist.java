package org.lethe.ml.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST from the IDX files of Debian's {@code dataset-fashion-mnist} package (or any directory
 * holding the four {@code {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz} files). Sample ids are
 * stable: {@code fmnist-train-00000} … {@code fmnist-test-09999}.
 */
public final class FashionMnist {

    /** Where Debian's package installs the files. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    /** Environment variable that points at another directory. */
    public static final String DIRECTORY_VARIABLE = "LETHE_FASHION_MNIST_DIR";
    /** Images in the test split, as the data set publishes it. */
    public static final int TEST_IMAGES = 10_000;

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private final Path directory;

    private FashionMnist(Path directory) {
        this.directory = directory;
    }

    /**
     * The data set in {@code directory}.
     *
     * @throws IllegalStateException naming the missing file and how to install the package
     */
    public static FashionMnist at(Path directory) {
        for (String file : List.of(file("train", "images-idx3"), file("train", "labels-idx1"),
                file("t10k", "images-idx3"), file("t10k", "labels-idx1"))) {
            if (!Files.isReadable(directory.resolve(file))) {
                throw new IllegalStateException("Fashion-MNIST file " + directory.resolve(file) + " is missing: install "
                        + "Debian's dataset-fashion-mnist (./lethe test does when run as root) or set "
                        + DIRECTORY_VARIABLE);
            }
        }
        return new FashionMnist(directory);
    }

    /** The data set where {@value #DIRECTORY_VARIABLE} points, else where Debian installs it. */
    public static FashionMnist installed() {
        String configured = System.getenv(DIRECTORY_VARIABLE);
        return at(configured == null || configured.isBlank() ? DEBIAN_DIRECTORY : Path.of(configured));
    }

    /** The 60,000 training samples. */
    public List<Sample> train() {
        return read("train", "fmnist-train-", Integer.MAX_VALUE);
    }

    /** The 10,000 test samples. */
    public List<Sample> test() {
        return read("t10k", "fmnist-test-", Integer.MAX_VALUE);
    }

    /** The first {@code count} training samples, without reading the rest. */
    public List<Sample> train(int count) {
        return read("train", "fmnist-train-", count);
    }

    /** The first {@code count} test samples. */
    public List<Sample> test(int count) {
        return read("t10k", "fmnist-test-", count);
    }

    private List<Sample> read(String split, String idPrefix, int limit) {
        Path imagesFile = directory.resolve(file(split, "images-idx3"));
        Path labelsFile = directory.resolve(file(split, "labels-idx1"));
        try (DataInputStream images = open(imagesFile); DataInputStream labels = open(labelsFile)) {
            int imageCount = header(images, IMAGES_MAGIC, imagesFile);
            int rows = images.readInt();
            int cols = images.readInt();
            if (rows != Sample.SIDE || cols != Sample.SIDE) {
                throw new IllegalStateException(imagesFile + ": images are " + rows + "×" + cols + ", expected 28×28");
            }
            int labelCount = header(labels, LABELS_MAGIC, labelsFile);
            if (imageCount != labelCount) {
                throw new IllegalStateException(imagesFile + " holds " + imageCount + " images but " + labelsFile
                        + " holds " + labelCount + " labels");
            }
            int count = Math.min(limit, imageCount);
            List<Sample> samples = new ArrayList<>(count);
            byte[] image = new byte[Sample.PIXELS];
            for (int i = 0; i < count; i++) {
                images.readFully(image);
                samples.add(new Sample(idPrefix + String.format("%05d", i), image, labels.readUnsignedByte()));
            }
            return samples;
        } catch (EOFException e) {
            throw new IllegalStateException(imagesFile + " or " + labelsFile + " is truncated", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + imagesFile + ": " + e.getMessage(), e);
        }
    }

    private static int header(DataInputStream in, int expectedMagic, Path file) throws IOException {
        int magic = in.readInt();
        if (magic != expectedMagic) {
            throw new IllegalStateException(file + ": IDX magic " + Integer.toHexString(magic) + ", expected "
                    + Integer.toHexString(expectedMagic));
        }
        return in.readInt();
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    }

    private static String file(String split, String kind) {
        return split + "-" + kind + "-ubyte.gz";
    }
}
