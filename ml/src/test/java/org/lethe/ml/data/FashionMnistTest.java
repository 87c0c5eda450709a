package org.lethe.ml.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.ml.TestData;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FashionMnistTest {

    @Test
    void readsTheDebianFilesWithStableIdsAndDistinctHashes() {
        List<Sample> train = TestData.train();

        assertEquals(6_000, train.size());
        assertEquals("fmnist-train-00000", train.get(0).id());
        // the first Fashion-MNIST training image is an ankle boot (class 9)
        assertEquals(9, train.get(0).label());
        assertEquals(train.size(), new HashSet<>(train.stream().map(Sample::hash).toList()).size());
        assertEquals(10, train.stream().map(Sample::label).distinct().count());
    }

    @Test
    void theWholeTestSplitHasTenThousandImages() {
        assertEquals(10_000, FashionMnist.installed().test().size());
    }

    @Test
    void missingFilesAreNamedWithTheFix(@TempDir Path empty) {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> FashionMnist.at(empty));

        assertTrue(error.getMessage().contains("train-images-idx3-ubyte.gz"), error.getMessage());
        assertTrue(error.getMessage().contains("dataset-fashion-mnist"), error.getMessage());
    }

    @Test
    void aFileWithTheWrongMagicIsRefused(@TempDir Path dir) throws IOException {
        for (String name : List.of("train-images-idx3", "train-labels-idx1", "t10k-images-idx3", "t10k-labels-idx1")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + "-ubyte.gz")))) {
                out.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 1});
            }
        }

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> FashionMnist.at(dir).train());

        assertTrue(error.getMessage().contains("IDX magic 801, expected 803"), error.getMessage());
    }

    @Test
    void samplesRejectWrongSizesAndLabels() {
        assertThrows(IllegalArgumentException.class, () -> new Sample("x", new byte[783], 1));
        assertThrows(IllegalArgumentException.class, () -> new Sample("x", new byte[784], 10));
        assertThrows(IllegalArgumentException.class, () -> new Sample("x", new byte[784], -1));
    }
}
