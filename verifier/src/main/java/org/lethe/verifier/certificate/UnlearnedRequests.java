package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The deletion requests an unlearning record covers, each with its subject. A request anchored alone names
 * its subject on the ledger; a batch root names nobody, so its members come from the model service and
 * count only if they rebuild the root on chain.
 */
final class UnlearnedRequests {

    private static final Logger LOG = Logger.getLogger(UnlearnedRequests.class);

    private final LedgerClient ledger;
    private final Function<Bytes32, Optional<JsonNode>> batchListing;

    /**
     * @param batchListing the model service's {@code GET /deletions/batches/{root}} answer, empty when it
     *                     does not know the batch
     */
    UnlearnedRequests(LedgerClient ledger, Function<Bytes32, Optional<JsonNode>> batchListing) {
        this.ledger = ledger;
        this.batchListing = batchListing;
    }

    /** The requests anchored under an unlearning's target: the request itself, or a batch's members. */
    List<BatchMembers.Member> under(Bytes32 target) {
        for (LedgerEvent event : ledger.events(EventQuery.byRequest(target))) {
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
        Optional<JsonNode> listing = batchListing.apply(batchRoot);
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
}
