package org.lethe.auditor.index;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.lethe.auditor.AuditorTestResources;
import org.lethe.auditor.LedgerHistory;
import org.lethe.auditor.ledger.LedgerView;
import org.lethe.auditor.timeline.BatchProgress;
import org.lethe.auditor.timeline.RequestStatus;
import org.lethe.auditor.timeline.RequestTimeline;
import org.lethe.auditor.timeline.TimelineStore;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.LedgerUnavailableException;
import org.lethe.ledger.LedgerWrites;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.Verdict;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = AuditorTestResources.class, restrictToAnnotatedClass = false)
class LedgerIndexerTest {

    @Inject
    LedgerIndexer indexer;

    @Inject
    IndexStore store;

    @Inject
    LedgerView ledger;

    @Inject
    IndexerSettings settings;

    @Inject
    TimelineStore timelines;

    @Inject
    AgroalDataSource dataSource;

    private final LedgerHistory history = new LedgerHistory(AuditorTestResources.ledger(), AuditorTestResources.peers());

    @Test
    void everyStepOfSingleAndBatchedDeletionsLandsInTheTimelines() {
        Bytes32 model = history.model();
        DeletionRequest single = history.request();
        Bytes32 executedBy = history.execute(model, single.requestId());
        history.verify(single.requestId(), Verdict.CERTIFIED);
        Bytes32 first = LedgerHistory.randomId();
        Bytes32 second = LedgerHistory.randomId();
        DeletionBatchTree batch = history.batch(List.of(first, second));
        Bytes32 batchRoot = batch.batch().batchRoot();
        history.execute(model, batchRoot);
        history.verify(first, Optional.of(new LedgerWrites.BatchInclusion(batchRoot, batch.proof(first))),
                Verdict.CERTIFIED, AuditorTestResources.peers().certify(first, "CERTIFIED"));

        indexer.catchUp();

        RequestTimeline timeline = timelines.request(single.requestId().toHex()).orElseThrow();
        assertEquals(RequestStatus.CERTIFIED, timeline.status());
        assertEquals(Optional.of(single.subjectIdHash().toHex()), timeline.subjectIdHash());
        assertEquals(single.requestedAt(), timeline.requestedAt().orElseThrow());
        assertEquals(executedBy.toHex(), timeline.execution().orElseThrow().version());
        assertEquals(model.toHex(), timeline.execution().orElseThrow().modelId());
        assertTrue(timeline.verification().orElseThrow().transaction().startsWith("0x"));

        RequestTimeline batched = timelines.request(first.toHex()).orElseThrow();
        assertEquals(Optional.of(batchRoot.toHex()), batched.anchor().batchRoot());
        assertEquals(RequestStatus.CERTIFIED, batched.status());
        assertTrue(timelines.request(second.toHex()).isEmpty(), "a batch names its requests only once verified");
        BatchProgress progress = timelines.batches().stream().filter(b -> b.batchRoot().equals(batchRoot.toHex()))
                .findFirst().orElseThrow();
        assertEquals(2, progress.count());
        assertEquals(1, progress.verified());
        assertTrue(progress.execution().isPresent());
    }

    @Test
    void readingAgainAddsNothing() throws SQLException {
        history.request();
        indexer.catchUp();
        long events = count("ledger_event");
        long requests = count("deletion_request");

        assertEquals(0, indexer.catchUp());
        IndexCursor cursor = store.current().orElseThrow();
        long from = settings.deploymentBlock();
        long to = cursor.nextBlock() - 1;
        var everything = ledger.events(from, to);
        store.append(everything, ledger.blockTimes(LongStream.rangeClosed(from, to).boxed().toList()), to + 1, to,
                cursor.advancedAt().orElseThrow());

        assertEquals(events, count("ledger_event"), "the whole range written again counts each event once");
        assertEquals(requests, count("deletion_request"));
    }

    @Test
    void aRestartedIndexerGoesOnFromTheStoredCursor() {
        indexer.catchUp();
        history.request();

        LedgerIndexer restarted = new LedgerIndexer(ledger, store, settings);

        assertEquals(2, restarted.catchUp(), "the contribution and the request, nothing before them");
        assertEquals(0, indexer.catchUp());
    }

    @Test
    void blocksWaitForTheirConfirmations() {
        indexer.catchUp();
        history.request();
        LedgerIndexer confirming = new LedgerIndexer(ledger, store, withConfirmations(3));

        assertEquals(0, confirming.catchUp(), "two new blocks, neither with three on top");
        history.advance(Duration.ofSeconds(1));
        history.advance(Duration.ofSeconds(1));
        history.advance(Duration.ofSeconds(1));
        assertEquals(2, confirming.catchUp());
    }

    @Test
    void whileTheNodeIsDownTheIndexKeepsItsViewAndSaysHowStaleItIs() {
        indexer.catchUp();
        long indexedThrough = store.current().orElseThrow().nextBlock() - 1;
        AuditorTestResources.ledger().stopNode();
        try {
            assertThrows(LedgerUnavailableException.class, indexer::catchUp);
            given().when().get("/index").then().statusCode(200)
                    .body("readFailure", notNullValue())
                    .body("indexedThroughBlock", org.hamcrest.Matchers.equalTo((int) indexedThrough))
                    .body("staleSeconds", notNullValue());
        } finally {
            AuditorTestResources.ledger().startAgain();
        }
        history.request();
        assertEquals(2, indexer.catchUp());
        given().when().get("/index").then().statusCode(200).body("readFailure", nullValue());
    }

    private IndexerSettings withConfirmations(int confirmations) {
        return new IndexerSettings() {
            @Override
            public long deploymentBlock() {
                return settings.deploymentBlock();
            }

            @Override
            public int confirmations() {
                return confirmations;
            }

            @Override
            public int blocksPerRead() {
                return settings.blocksPerRead();
            }

            @Override
            public Duration pollInterval() {
                return settings.pollInterval();
            }
        };
    }

    private long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
