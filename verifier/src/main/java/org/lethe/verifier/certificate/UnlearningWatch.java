package org.lethe.verifier.certificate;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.service.ledger.LedgerGateway;

import java.util.List;
import java.util.Optional;

/**
 * Follows the ledger's unlearning records and starts a verification for each request of an enrolled,
 * calibrated subject that nobody has asked about yet. A batch anchor does not name its requests, so only
 * requests anchored one by one can be started this way; the others start when their subject asks.
 */
@ApplicationScoped
public class UnlearningWatch {

    private static final Logger LOG = Logger.getLogger(UnlearningWatch.class);

    private final LedgerGateway ledger;
    private final VerificationService verifications;
    private final EntityManager database;

    public UnlearningWatch(LedgerGateway ledger, VerificationService verifications, EntityManager database) {
        this.ledger = ledger;
        this.verifications = verifications;
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
        int started = 0;
        for (LedgerEvent event : client.events(EventQuery.all().inBlocks(next, head))) {
            if (event instanceof LedgerEvent.UnlearningRecorded unlearning) {
                Optional<Bytes32> subject = requestingSubject(client, unlearning.unlearning().target());
                if (subject.isPresent() && verifications.startAutomatically(unlearning.unlearning().target(), subject.get())) {
                    started++;
                }
            }
        }
        advance(head + 1);
        return started;
    }

    /** The subject named by the request's own anchoring; empty for a batch root. */
    private static Optional<Bytes32> requestingSubject(LedgerClient client, Bytes32 target) {
        List<LedgerEvent> events = client.events(EventQuery.byRequest(target));
        return events.stream().filter(LedgerEvent.DeletionRequested.class::isInstance)
                .map(event -> ((LedgerEvent.DeletionRequested) event).request().subjectIdHash()).findFirst();
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
