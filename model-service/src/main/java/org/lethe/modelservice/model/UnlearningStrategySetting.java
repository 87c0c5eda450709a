package org.lethe.modelservice.model;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lethe.ml.dishonest.ProviderStrategy;
import org.lethe.ml.unlearning.UnlearningMethod;
import org.lethe.service.problem.ProblemException;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The unlearning strategy in force: the configured one until an operator switches it (for evaluation
 * runs that compare strategies on one deployment). Switching to {@code none} or to a dishonest strategy is
 * logged loudly.
 */
@ApplicationScoped
public class UnlearningStrategySetting {

    private static final Logger LOG = Logger.getLogger(UnlearningStrategySetting.class);

    private final ModelSettings settings;
    private final AtomicReference<ProviderStrategy> current;

    public UnlearningStrategySetting(ModelSettings settings) {
        this.settings = settings;
        this.current = new AtomicReference<>(settings.providerStrategy());
        announce(current.get(), "configured");
    }

    /** Refuses to start with a strategy or query filter that cannot run (constructing this bean reads them). */
    void checkAtStart(@Observes StartupEvent start) {
        current();
    }

    public ProviderStrategy current() {
        return current.get();
    }

    /**
     * @param name one of {@link ProviderStrategy#NAMES}
     * @throws ProblemException 400 for any other name
     */
    public ProviderStrategy switchTo(String name) {
        ProviderStrategy strategy;
        try {
            strategy = ProviderStrategy.named(name, settings.queryFilter());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-strategy", "Unknown unlearning strategy", e.getMessage());
        }
        ProviderStrategy previous = current.getAndSet(strategy);
        announce(strategy, "was " + previous.label());
        return strategy;
    }

    /** Logs the strategy, loudly when it keeps data. */
    private static void announce(ProviderStrategy strategy, String context) {
        if (strategy.dishonest()) {
            LOG.warnf("UNLEARNING STRATEGY SET TO '%s' (%s): deletions will keep data while the ledger is told 'sisa'. "
                    + "DISHONEST, for evaluating the verifier only.", strategy.label(), context);
        } else if (strategy.unlearned().orElseThrow() == UnlearningMethod.NONE) {
            LOG.warnf("UNLEARNING STRATEGY SET TO 'none' (%s): deletions will be recorded without changing any "
                    + "weight. NON-COMPLIANT, for evaluating the verifier only.", context);
        } else {
            LOG.infof("unlearning strategy %s (%s)", strategy.label(), context);
        }
    }
}
