package org.lethe.verifier.serving;

import org.lethe.ml.data.Sample;
import org.lethe.verifier.oracle.ModelOracle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the first answers of a verification's queries and asks some of the same images again, in another
 * batch and order: a fixed model gives the same probabilities, a provider that adds fresh noise to each query
 * does not.
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
        int changed = 0;
        for (int i = 0; i < reversed.size(); i++) {
            float[] first = answers.get(images.size() - 1 - i);
            for (int c = 0; c < first.length; c++) {
                if (Math.abs(first[c] - again[i][c]) > SAME_ANSWER) {
                    changed++;
                    break;
                }
            }
        }
        return changed;
    }

    /** Images kept for asking again. */
    public int size() {
        return images.size();
    }
}
