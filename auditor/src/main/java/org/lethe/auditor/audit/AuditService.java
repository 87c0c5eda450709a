package org.lethe.auditor.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.index.IndexCursor;
import org.lethe.auditor.index.IndexStore;
import org.lethe.auditor.index.LedgerIndexer;
import org.lethe.auditor.ledger.LedgerView;
import org.lethe.auditor.peers.CertificateStore;
import org.lethe.auditor.peers.PeerChecks;
import org.lethe.auditor.rules.AuditFacts;
import org.lethe.auditor.rules.RuleBook;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.RequestFilter;
import org.lethe.auditor.timeline.RequestTimeline;
import org.lethe.auditor.timeline.TimelineStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * The violations that name each of these requests or their batches, judged on their own records only
     * (read in one go): a page of timelines does not read the whole index.
     *
     * @return by request id, every request present
     */
    public Map<String, List<Violation>> violationsOf(List<RequestTimeline> requests) {
        Instant ledgerNow = index.current().flatMap(IndexCursor::indexedThrough).orElse(Instant.EPOCH);
        Set<String> roots = new HashSet<>();
        requests.forEach(request -> request.anchor().batchRoot().ifPresent(roots::add));
        List<Violation> found = RuleBook.check(new AuditFacts(ledgerNow, settings.deadline(), requests,
                timelines.batches(roots), List.of(), Optional.empty(),
                certificates.of(requests.stream().map(RequestTimeline::requestId).toList())));
        Map<String, List<Violation>> byRequest = new HashMap<>();
        for (RequestTimeline request : requests) {
            List<String> names = request.anchor().batchRoot()
                    .map(root -> List.of("request " + request.requestId(), "batch " + root))
                    .orElse(List.of("request " + request.requestId()));
            byRequest.put(request.requestId(), found.stream()
                    .filter(violation -> violation.records().stream().anyMatch(names::contains)).toList());
        }
        return byRequest;
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
