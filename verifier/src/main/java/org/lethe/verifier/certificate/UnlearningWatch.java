package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.lethe.verifier.served.ModelService;

import java.util.List;
import java.util.Optional;

/**
 * Follows the ledger's unlearning records and starts a verification for each executed request of an
 * enrolled, calibrated subject that nobody has asked about yet. A request anchored alone names its subject
 * on the ledger; a batch root names nobody, so its members come from the model service and count only
 * if they rebuild the root on chain.
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
        int started = 0;
        for (LedgerEvent event : client.events(EventQuery.all().inBlocks(next, head))) {
            if (event instanceof LedgerEvent.UnlearningRecorded unlearning) {
                for (BatchMembers.Member request : executedRequests(client, unlearning.unlearning().target())) {
                    if (verifications.startAutomatically(request.requestId(), request.subjectId())) {
                        started++;
                    }
                }
            }
        }
        advance(head + 1);
        return started;
    }

    /** The requests anchored under the unlearning's target: the request itself, or a batch's members. */
    private List<BatchMembers.Member> executedRequests(LedgerClient client, Bytes32 target) {
        for (LedgerEvent event : client.events(EventQuery.byRequest(target))) {
            if (event instanceof LedgerEvent.DeletionRequested requested) {
                return List.of(new BatchMembers.Member(target, requested.request().subjectIdHash()));
            }
            if (event instanceof LedgerEvent.DeletionBatchAnchored) {
                return batchMembers(target);
            }
        }
        return List.of();
    }

    /**
     * The batch's members as the model service lists them, if they rebuild the root on chain. A list that
     * does not is ignored (its subjects' own requests still verify them), so a wrong answer cannot stall the
     * watch; an unreachable model service can, until it answers.
     */
    private List<BatchMembers.Member> batchMembers(Bytes32 batchRoot) {
        Optional<JsonNode> listing = modelService.deletionBatch(batchRoot.toHex());
        if (listing.isEmpty()) {
            LOG.warnf("the model service does not know deletion batch %s; its requests are verified when their subjects ask",
                    batchRoot);
            return List.of();
        }
        try {
            return BatchMembers.checked(batchRoot, listing.get());
        } catch (IllegalArgumentException e) {
            LOG.warnf("deletion batch %s not started: %s", batchRoot, e.getMessage());
            return List.of();
        }
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
