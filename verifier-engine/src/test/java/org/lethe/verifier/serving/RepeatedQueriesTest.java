package org.lethe.verifier.serving;

import org.junit.jupiter.api.Test;
import org.lethe.ml.data.Sample;
import org.lethe.verifier.oracle.ModelOracle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Asking a verification's images again, against models whose answers are known. */
class RepeatedQueriesTest {

    private static List<Sample> images(int count) {
        List<Sample> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] pixels = new byte[Sample.PIXELS];
            pixels[i] = (byte) 200;
            images.add(new Sample("image-" + i, pixels, 0));
        }
        return images;
    }

    /** Each image's answer depends on the image alone: the probability of class 0 is its first bright position. */
    private static final ModelOracle FIXED = batch -> batch.stream().map(image -> {
        float[] row = new float[Sample.CLASSES];
        byte[] pixels = image.image();
        int first = 0;
        while (pixels[first] == 0) {
            first++;
        }
        row[0] = first / (float) Sample.PIXELS;
        row[1] = 1 - row[0];
        return row;
    }).toArray(float[][]::new);

    @Test
    void aFixedModelAnswersEveryImageAsBeforeWhateverTheBatch() {
        RepeatedQueries repeated = new RepeatedQueries(FIXED, 16);
        List<Sample> images = images(40);
        for (int start = 0; start < 40; start += 2) {
            repeated.probabilities(images.subList(start, start + 2));
        }

        assertEquals(0, repeated.askAgain());
        assertEquals(16, repeated.size(), "only the first 16 are kept");
    }

    @Test
    void aModelWhoseAnswerDriftsWithEveryCallIsCaught() {
        AtomicInteger calls = new AtomicInteger();
        ModelOracle drifting = batch -> {
            float shift = calls.getAndIncrement() * 1e-3f;
            float[][] rows = FIXED.probabilities(batch);
            for (float[] row : rows) {
                row[0] += shift;
            }
            return rows;
        };
        RepeatedQueries repeated = new RepeatedQueries(drifting, 16);
        repeated.probabilities(images(10));

        assertEquals(10, repeated.askAgain(), "every answer moved by 1e-3, ten times the float tolerance");
    }

    @Test
    void differencesOfFloatRoundingAreTheSameAnswer() {
        AtomicInteger calls = new AtomicInteger();
        ModelOracle rounding = batch -> {
            float[][] rows = FIXED.probabilities(batch);
            if (calls.getAndIncrement() > 0) {
                for (float[] row : rows) {
                    row[0] = Math.nextUp(row[0]);
                }
            }
            return rows;
        };
        RepeatedQueries repeated = new RepeatedQueries(rounding, 16);
        repeated.probabilities(images(10));

        assertEquals(0, repeated.askAgain());
    }

    @Test
    void nothingAskedMeansNothingToAskAgain() {
        assertEquals(0, new RepeatedQueries(FIXED, 16).askAgain());
    }
}
