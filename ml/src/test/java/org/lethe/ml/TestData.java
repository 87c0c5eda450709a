package org.lethe.ml;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Real Fashion-MNIST subsets, read once per test JVM and small enough for CI on two cores. */
public final class TestData {

    private static List<Sample> train;
    private static List<Sample> test;

    private TestData() {
    }

    /** A subject id for tests: SHA-256 of the name. */
    public static Bytes32 subjectId(String name) {
        return HashAlgorithm.SHA_256.hash(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 6,000 training samples. */
    public static synchronized List<Sample> train() {
        if (train == null) {
            train = FashionMnist.installed().train(6_000);
        }
        return train;
    }

    /** The first 2,000 test samples. */
    public static synchronized List<Sample> test() {
        if (test == null) {
            test = FashionMnist.installed().test(2_000);
        }
        return test;
    }
}
