package org.lethe.modelservice.model;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.lethe.ml.unlearning.UnlearningMethod;
import org.lethe.service.problem.ProblemException;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The unlearning strategy in force: the configured one until an operator switches it (for evaluation
 * runs that compare strategies on one deployment). Switching to {@code none} is logged loudly.
 */
@ApplicationScoped
public class UnlearningStrategySetting {

    private static final Logger LOG = Logger.getLogger(UnlearningStrategySetting.class);

    private final AtomicReference<UnlearningMethod> current;

    public UnlearningStrategySetting(ModelSettings settings) {
        this.current = new AtomicReference<>(settings.unlearningMethod());
    }

    public UnlearningMethod current() {
        return current.get();
    }

    /**
     * @param name sisa, retrain, finetune, gradient-ascent or none
     * @throws ProblemException 400 for any other name
     */
    public UnlearningMethod switchTo(String name) {
        UnlearningMethod method;
        try {
            method = UnlearningMethod.valueOf(String.valueOf(name).trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-strategy", "Unknown unlearning strategy", "'" + name
                    + "' is none of " + Arrays.stream(UnlearningMethod.values()).map(UnlearningStrategySetting::label).toList());
        }
        UnlearningMethod previous = current.getAndSet(method);
        if (method == UnlearningMethod.NONE) {
            LOG.warnf("UNLEARNING STRATEGY SET TO 'none' (was %s): deletions will be recorded without changing any "
                    + "weight. NON-COMPLIANT, for evaluating the verifier only.", label(previous));
        } else {
            LOG.infof("unlearning strategy %s (was %s)", label(method), label(previous));
        }
        return method;
    }

    public static String label(UnlearningMethod method) {
        return method.name().toLowerCase().replace('_', '-');
    }
}
