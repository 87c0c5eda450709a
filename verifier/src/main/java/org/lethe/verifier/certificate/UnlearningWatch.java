package org.lethe.verifier.certificate;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.service.ledger.LedgerGateway;
import org.lethe.verifier.served.ModelService;

/**
 * Follows the ledger's unlearning records and starts a verification for each executed request of an
 * enrolled, calibrated subject that nobody has asked about yet ({@link UnlearnedRequests} says which).
 */
@ApplicationScoped
public class UnlearningWatch {

    private static final Logger LOG = Logger.getLogger(UnlearningWatch.class);

    private final LedgerGateway ledger;
    private final VerificationService verifications;
    private final ModelService modelService;
    private final EntityManager database;

    public UnlearningWatch(LedgerGateway ledger, VerificationService verifications, ModelService modelService,
                           EntityManager database) {
        this.ledger = ledger;
        this.verifications = verifications;
        this.modelService = modelService;
        this.database = database;
    }

    @Scheduled(every = "${lethe.verifier.ledger-poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            follow();
        } catch (RuntimeException e) {
            // the ledger or the database is down: the cursor stays, the next round reads the same blocks
            LOG.debugf("unlearning watch paused: %s", e.getMessage());
        }
    }

    /** Reads the unlearnings recorded since the last round; returns how many verifications it started. */
    public synchronized int follow() {
        LedgerClient client = ledger.client();
        long head = client.blockNumber();
        long next = nextBlock();
        if (next > head) {
            return 0;
        }
        UnlearnedRequests unlearned = new UnlearnedRequests(client, root -> modelService.deletionBatch(root.toHex()));
        int started = 0;
        for (LedgerEvent event : client.events(EventQuery.all().inBlocks(next, head))) {
            if (event instanceof LedgerEvent.UnlearningRecorded unlearning) {
                for (BatchMembers.Member request : unlearned.under(unlearning.unlearning().target())) {
                    if (verifications.startAutomatically(request.requestId(), request.subjectId())) {
                        started++;
                    }
                }
            }
        }
        advance(head + 1);
        return started;
    }

    @Transactional
    long nextBlock() {
        return ((Number) database.createNativeQuery("select next_block from unlearning_watch where id = 1")
                .getSingleResult()).longValue();
    }

    @Transactional
    void advance(long nextBlock) {
        database.createNativeQuery("update unlearning_watch set next_block = ?1 where id = 1")
                .setParameter(1, nextBlock).executeUpdate();
    }
}
