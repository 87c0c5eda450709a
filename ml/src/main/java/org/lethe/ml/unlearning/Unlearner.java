package org.lethe.ml.unlearning;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;

import java.util.Set;

/** Produces the model that no longer holds the removed samples (or, for {@code none}, claims to). */
public interface Unlearner {

    /**
     * @param model   the current model
     * @param removed hashes of the samples to forget; hashes the model never held are ignored
     * @return the new model; its training set lacks every removed sample
     */
    SisaModel unlearn(SisaModel model, Set<Bytes32> removed, SisaProgress progress);
}
