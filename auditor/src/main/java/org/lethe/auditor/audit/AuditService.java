package org.lethe.auditor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.index.IndexCursor;
import org.lethe.auditor.index.IndexStore;
import org.lethe.auditor.index.LedgerIndexer;
import org.lethe.auditor.ledger.LedgerView;
import org.lethe.auditor.peers.CertificateStore;
import org.lethe.auditor.peers.PeerChecks;
import org.lethe.auditor.rules.AuditFacts;
import org.lethe.auditor.rules.CertificateCheck;
import org.lethe.auditor.rules.RuleBook;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.BatchProgress;
import org.lethe.auditor.timeline.RequestFilter;
import org.lethe.auditor.timeline.RequestTimeline;
import org.lethe.auditor.timeline.TimelineStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit as of now: the facts the index holds, judged by every rule. */
@ApplicationScoped
public class AuditService {

    private final TimelineStore timelines;
    private final IndexStore index;
    private final LedgerIndexer indexer;
    private final LedgerView ledger;
    private final PeerChecks peers;
    private final CertificateStore certificates;
    private final RuleSettings settings;
    private final Clock clock = Clock.systemUTC();

    public AuditService(TimelineStore timelines, IndexStore index, LedgerIndexer indexer, LedgerView ledger,
                        PeerChecks peers, CertificateStore certificates, RuleSettings settings) {
        this.timelines = timelines;
        this.index = index;
        this.indexer = indexer;
        this.ledger = ledger;
        this.peers = peers;
        this.certificates = certificates;
        this.settings = settings;
    }

    public Duration deadline() {
        return settings.deadline();
    }

    /** Everything indexed, with the ledger time of the newest indexed block as "now". */
    public AuditFacts facts() {
        Instant ledgerNow = index.current().flatMap(IndexCursor::indexedThrough).orElse(Instant.EPOCH);
        return new AuditFacts(ledgerNow, settings.deadline(), timelines.requests(RequestFilter.everything()).requests(),
                timelines.batches(), timelines.versions(Optional.empty()), peers.served(), certificates.all());
    }

    public List<Violation> violations() {
        return RuleBook.check(facts());
    }

    /**
     * The violations that name this request or its batch, judged on its own records only: a timeline does
     * not read the whole index.
     */
    public List<Violation> violationsOf(RequestTimeline request) {
        Instant ledgerNow = index.current().flatMap(IndexCursor::indexedThrough).orElse(Instant.EPOCH);
        List<BatchProgress> batch = request.anchor().batchRoot()
                .map(root -> timelines.batches().stream().filter(b -> b.batchRoot().equals(root)).toList())
                .orElse(List.of());
        Map<String, CertificateCheck> certificate = certificates.find(request.requestId())
                .map(check -> Map.of(request.requestId(), check)).orElse(Map.of());
        return RuleBook.check(new AuditFacts(ledgerNow, settings.deadline(), List.of(request), batch, List.of(),
                Optional.empty(), certificate));
    }

    public IndexStatus indexStatus() {
        Optional<IndexCursor> cursor = index.current();
        Optional<Instant> lastRead = cursor.flatMap(IndexCursor::advancedAt);
        long indexedThrough = cursor.map(c -> c.nextBlock() - 1).orElse(-1L);
        return new IndexStatus(ledger.contractAddress(), indexedThrough, cursor.flatMap(IndexCursor::indexedThrough),
                cursor.flatMap(IndexCursor::headBlock), cursor.flatMap(IndexCursor::headBlock).map(head -> head - indexedThrough),
                lastRead, lastRead.map(read -> Duration.between(read, clock.instant()).toSeconds()),
                indexer.failure().map(failure -> failure.reason() + " (since " + failure.since() + ")"),
                indexer.lastCatchUp());
    }
}
