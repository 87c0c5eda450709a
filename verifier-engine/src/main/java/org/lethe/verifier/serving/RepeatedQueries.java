package org.lethe.verifier.serving;

import org.lethe.ml.data.Sample;
import org.lethe.verifier.oracle.ModelOracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the first answers of a verification's queries and asks some of the same images again, in another
 * batch and order: a fixed model gives the same probabilities, a provider that adds fresh noise to each query
 * does not. With a replayed model at hand, the same images are asked of it too: a served model that is the
 * recorded one answers as the replay does.
 */
public final class RepeatedQueries implements ModelOracle {

    /**
     * Largest change of a class probability still taken for the same answer: the same weights on the same image
     * differ only in float rounding when the batch around it differs (about 1e-7), a transformed query by far more.
     */
    static final double SAME_ANSWER = 1e-4;

    private final ModelOracle served;
    private final int kept;
    private final List<Sample> images = new ArrayList<>();
    private final List<float[]> answers = new ArrayList<>();

    /** @param kept how many first answers to keep for asking again */
    public RepeatedQueries(ModelOracle served, int kept) {
        this.served = served;
        this.kept = kept;
    }

    @Override
    public float[][] probabilities(List<Sample> batch) {
        float[][] rows = served.probabilities(batch);
        for (int i = 0; i < batch.size() && images.size() < kept; i++) {
            images.add(batch.get(i));
            answers.add(rows[i].clone());
        }
        return rows;
    }

    /** Asks every kept image again, all in one batch in reverse order; answers how many came back changed. */
    public int askAgain() {
        if (images.isEmpty()) {
            return 0;
        }
        List<Sample> reversed = new ArrayList<>(images);
        Collections.reverse(reversed);
        float[][] again = served.probabilities(reversed);
        List<float[]> inOrder = new ArrayList<>(List.of(again));
        Collections.reverse(inOrder);
        return differing(inOrder.toArray(float[][]::new), answers);
    }

    private static int differing(float[][] rows, List<float[]> expected) {
        int differing = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < rows[i].length; c++) {
                if (Math.abs(rows[i][c] - expected.get(i)[c]) > SAME_ANSWER) {
                    differing++;
                    break;
                }
            }
        }
        return differing;
    }

    /** How many kept images {@code other} answers otherwise than the served model first did. */
    public int disagreements(ModelOracle other) {
        if (images.isEmpty()) {
            return 0;
        }
        return differing(other.probabilities(images), answers);
    }

    /** Images kept for asking again. */
    public int size() {
        return images.size();
    }
}
