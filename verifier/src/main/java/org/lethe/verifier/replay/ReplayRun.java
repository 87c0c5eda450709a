package org.lethe.verifier.replay;

import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.verifier.verification.ReplayEvidence;

import java.util.Optional;

/**
 * One replay's evidence, and the replayed model it keeps open while the verification compares the served
 * model's answers with it.
 */
public record ReplayRun(ReplayEvidence evidence, Optional<SisaEnsemble> replayed) implements AutoCloseable {

    static ReplayRun of(ReplayEvidence evidence) {
        return new ReplayRun(evidence, Optional.empty());
    }

    @Override
    public void close() {
        replayed.ifPresent(SisaEnsemble::close);
    }
}
