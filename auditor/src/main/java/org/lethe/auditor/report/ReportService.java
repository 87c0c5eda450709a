package org.lethe.auditor.report;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.audit.AuditService;
import org.lethe.auditor.index.IndexCursor;
import org.lethe.auditor.index.IndexStore;
import org.lethe.auditor.index.IndexerSettings;
import org.lethe.auditor.ledger.LedgerView;
import org.lethe.auditor.peers.PeerChecks;
import org.lethe.auditor.rules.ServedVersionCheck;
import org.lethe.evidence.cms.DetachedSignature;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.LedgerUnavailableException;
import org.lethe.service.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Issues signed compliance reports from the audit as it stands. */
@ApplicationScoped
public class ReportService {

    private final AuditService audit;
    private final IndexStore index;
    private final IndexerSettings indexer;
    private final LedgerView ledger;
    private final PeerChecks peers;
    private final ReportKey key;
    private final ReportStore store;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong chainId = new AtomicLong(-1);

    public ReportService(AuditService audit, IndexStore index, IndexerSettings indexer, LedgerView ledger, PeerChecks peers,
                         ReportKey key, ReportStore store) {
        this.audit = audit;
        this.index = index;
        this.indexer = indexer;
        this.ledger = ledger;
        this.peers = peers;
        this.key = key;
        this.store = store;
    }

    /**
     * @throws ProblemException 503 when nothing is indexed yet or the chain id cannot be learnt
     */
    public IssuedReport issue(Instant from, Instant to) {
        IndexCursor cursor = index.current().filter(c -> c.indexedThrough().isPresent())
                .orElseThrow(() -> new ProblemException(503, "not-indexed", "Ledger not indexed yet",
                        "the auditor has not indexed any block yet; try again shortly"));
        ComplianceReport.LedgerAnchors anchors = new ComplianceReport.LedgerAnchors(chainId(), ledger.contractAddress(),
                indexer.deploymentBlock(), cursor.nextBlock() - 1, cursor.indexedThrough().get(),
                peers.served().filter(asked -> asked.servedVersion().isPresent()).map(ServedVersionCheck::checkedAt));
        Instant now = clock.instant();
        ComplianceReport report = ReportBuilder.build(audit.facts(), new ComplianceReport.Period(from, to), anchors, now);
        byte[] json = ReportJson.bytes(report);
        String id = HashAlgorithm.SHA_256.hash(json).toHex();
        byte[] pdf = ReportPdf.bytes(report, id);
        IssuedReport issued = new IssuedReport(id, from, to, now, json, DetachedSignature.sign(json, key.key()), pdf,
                DetachedSignature.sign(pdf, key.key()));
        store.save(issued);
        return issued;
    }

    private long chainId() {
        if (chainId.get() < 0) {
            try {
                chainId.set(ledger.chainId());
            } catch (LedgerUnavailableException e) {
                throw new ProblemException(503, "ledger-unavailable", "Ledger unavailable",
                        "the chain id could not be read from the ledger node: " + e.getMessage());
            }
        }
        return chainId.get();
    }
}
