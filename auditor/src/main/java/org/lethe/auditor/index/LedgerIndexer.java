package org.lethe.auditor.index;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.lethe.auditor.ledger.LedgerView;
import org.lethe.ledger.LedgerUnavailableException;
import org.lethe.ledger.event.LedgerEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows the ledger: reads the contract's events from the cursor up to the newest block with enough
 * confirmations, a bounded range at a time, and writes each range with the cursor past it. While the node
 * is unreachable it keeps its view and says since when it could not read.
 */
@ApplicationScoped
public class LedgerIndexer {

    private static final Logger LOG = Logger.getLogger(LedgerIndexer.class);

    /** The last failure to read the node, cleared by the next success. */
    public record ReadFailure(Instant since, String reason) {
    }

    /** The last catch-up that indexed blocks: how many events in how many blocks, how long it took. */
    public record CatchUp(int events, long blocks, double seconds, Instant finishedAt) {
    }

    private final LedgerView ledger;
    private final IndexStore store;
    private final IndexerSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<ReadFailure> failure = new AtomicReference<>();
    private final AtomicReference<CatchUp> lastCatchUp = new AtomicReference<>();

    public LedgerIndexer(LedgerView ledger, IndexStore store, IndexerSettings settings) {
        this.ledger = ledger;
        this.store = store;
        this.settings = settings;
    }

    @Scheduled(every = "${lethe.auditor.index.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            catchUp();
        } catch (LedgerUnavailableException e) {
            LOG.warnf("ledger unreachable, the index stays as it is: %s", e.getMessage());
        }
    }

    /**
     * Indexes every confirmed block not yet indexed.
     *
     * @return the events written
     * @throws LedgerUnavailableException if the node cannot answer; what was written before stays
     */
    public synchronized int catchUp() {
        try {
            long started = System.nanoTime();
            int written = 0;
            IndexCursor cursor = store.cursor(ledger.contractAddress(), settings.deploymentBlock());
            long head = ledger.headBlock();
            long confirmed = head - settings.confirmations();
            long next = cursor.nextBlock();
            if (next > confirmed) {
                store.touch(head, clock.instant());
            }
            while (next <= confirmed) {
                long to = Math.min(confirmed, next + settings.blocksPerRead() - 1);
                List<LedgerEvent> events = ledger.events(next, to);
                List<Long> blocks = new ArrayList<>(events.stream().map(event -> event.position().blockNumber()).toList());
                blocks.add(to);
                store.append(events, ledger.blockTimes(blocks), to + 1, head, clock.instant());
                written += events.size();
                next = to + 1;
            }
            if (next > cursor.nextBlock()) {
                lastCatchUp.set(new CatchUp(written, next - cursor.nextBlock(), (System.nanoTime() - started) / 1e9,
                        clock.instant()));
            }
            failure.set(null);
            return written;
        } catch (LedgerUnavailableException e) {
            failure.updateAndGet(previous -> new ReadFailure(previous == null ? clock.instant() : previous.since(),
                    e.getMessage()));
            throw e;
        }
    }

    public Optional<CatchUp> lastCatchUp() {
        return Optional.ofNullable(lastCatchUp.get());
    }

    /** Why the last read failed and since when, if it did. */
    public Optional<ReadFailure> failure() {
        return Optional.ofNullable(failure.get());
    }
}
