package org.lethe.auditor.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.database.Queries;

import java.time.Instant;
import java.util.List;

/** The index's other records, for the subject and transaction pages. */
@ApplicationScoped
public class LedgerRecords {

    /** A recorded contribution. */
    public record Contribution(String contributionRoot, int sampleCount, Instant recordedAt, String transaction) {
    }

    /** A trigger commitment (the verifier's, before any training on the subject's data). */
    public record Commitment(int rotation, String commitment, Instant committedAt, String transaction) {
    }

    /** One event of a transaction. */
    public record Event(long blockNumber, long logIndex, String kind, Instant blockTime) {
    }

    private final Queries queries;

    public LedgerRecords(Queries queries) {
        this.queries = queries;
    }

    public List<Contribution> contributions(String subjectIdHash) {
        return queries.list("select contribution_root, sample_count, recorded_at, tx_hash from contribution"
                + " where subject_id_hash = ? order by recorded_at", row -> new Contribution(row.getString(1),
                row.getInt(2), row.getTimestamp(3).toInstant(), row.getString(4)), subjectIdHash);
    }

    public List<Commitment> commitments(String subjectIdHash) {
        return queries.list("select rotation, commitment, committed_at, tx_hash from trigger_commitment"
                + " where subject_id_hash = ? order by rotation", row -> new Commitment(row.getInt(1), row.getString(2),
                row.getTimestamp(3).toInstant(), row.getString(4)), subjectIdHash);
    }

    public List<Event> transaction(String txHash) {
        return queries.list("select block_number, log_index, kind, block_time from ledger_event where tx_hash = ?"
                + " order by log_index", row -> new Event(row.getLong(1), row.getLong(2), row.getString(3),
                row.getTimestamp(4).toInstant()), txHash);
    }
}
