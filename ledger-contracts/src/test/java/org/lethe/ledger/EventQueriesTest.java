package org.lethe.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ledger.testing.AnvilLedgerExtension;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lethe.ledger.LedgerFixtures.certified;
import static org.lethe.ledger.LedgerFixtures.childVersion;
import static org.lethe.ledger.LedgerFixtures.contribution;
import static org.lethe.ledger.LedgerFixtures.deletionRequest;
import static org.lethe.ledger.LedgerFixtures.firstVersion;
import static org.lethe.ledger.LedgerFixtures.randomId;

/** One subject's whole history, read back through event queries by subject, request, model and blocks. */
@ExtendWith(AnvilLedgerExtension.class)
class EventQueriesTest {

    private final LedgerClient provider;
    private final LedgerClient verifier;

    EventQueriesTest(AnvilLedger ledger) {
        this.provider = ledger.client(ledger.provider());
        this.verifier = ledger.client(ledger.verifier());
    }

    @Test
    void subjectRequestAndModelQueriesFindTheirEventsInChainOrder() {
        Bytes32 modelId = randomId();
        Bytes32 subject = randomId();
        Checkpoint before = firstVersion(modelId);
        Checkpoint after = childVersion(modelId, before.versionHash());
        Contribution contribution = contribution(subject);
        DeletionRequest request = deletionRequest(contribution);
        Unlearning unlearning = new Unlearning(request.requestId(), modelId, after.versionHash(), UnlearningStrategy.SISA);
        long firstBlock = provider.blockNumber() + 1;
        verifier.commitTrigger(subject, randomId());
        provider.registerModel(modelId);
        provider.recordContribution(contribution);
        provider.recordCheckpoint(before);
        provider.requestDeletion(request);
        provider.recordCheckpoint(after);
        provider.recordUnlearning(unlearning);
        verifier.recordVerification(request.requestId(), Optional.empty(), certified());
        provider.recordContribution(contribution(randomId()));

        List<LedgerEvent> bySubject = provider.events(EventQuery.bySubject(subject));
        List<LedgerEvent> byRequest = provider.events(EventQuery.byRequest(request.requestId()));
        List<LedgerEvent> byModel = provider.events(EventQuery.byModel(modelId));

        assertEquals(List.of(LedgerEvent.TriggerCommitted.class, LedgerEvent.ContributionRecorded.class,
                LedgerEvent.DeletionRequested.class), types(bySubject));
        assertEquals(contribution, ((LedgerEvent.ContributionRecorded) bySubject.get(1)).contribution());
        assertEquals(request, ((LedgerEvent.DeletionRequested) bySubject.get(2)).request());
        assertEquals(List.of(LedgerEvent.DeletionRequested.class, LedgerEvent.UnlearningRecorded.class,
                LedgerEvent.VerificationRecorded.class), types(byRequest));
        assertEquals(unlearning, ((LedgerEvent.UnlearningRecorded) byRequest.get(1)).unlearning());
        assertEquals(List.of(LedgerEvent.ModelRegistered.class, LedgerEvent.CheckpointRecorded.class,
                LedgerEvent.CheckpointRecorded.class, LedgerEvent.UnlearningRecorded.class), types(byModel));
        assertEquals(after, ((LedgerEvent.CheckpointRecorded) byModel.get(2)).checkpoint());
        assertEquals(9, provider.events(EventQuery.all().inBlocks(firstBlock, firstBlock + 8)).size());
        assertEquals(1, provider.events(EventQuery.all().inBlocks(firstBlock + 8, firstBlock + 8)).size());
    }

    @Test
    void malformedQueriesAreRefusedBeforeReachingTheNode() {
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all().inBlocks(10, 9));
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all().inBlocks(-1, 9));
        assertTrue(provider.events(EventQuery.bySubject(randomId())).isEmpty());
    }

    private static List<Class<?>> types(List<LedgerEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }
}
