package org.lethe.auditor.timeline;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

    private final AgroalDataSource dataSource;

    public LedgerRecords(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Contribution> contributions(String subjectIdHash) {
        return query("select contribution_root, sample_count, recorded_at, tx_hash from contribution"
                + " where subject_id_hash = ? order by recorded_at", subjectIdHash, rows -> new Contribution(
                rows.getString(1), rows.getInt(2), rows.getTimestamp(3).toInstant(), rows.getString(4)));
    }

    public List<Commitment> commitments(String subjectIdHash) {
        return query("select rotation, commitment, committed_at, tx_hash from trigger_commitment"
                + " where subject_id_hash = ? order by rotation", subjectIdHash, rows -> new Commitment(
                rows.getInt(1), rows.getString(2), rows.getTimestamp(3).toInstant(), rows.getString(4)));
    }

    public List<Event> transaction(String txHash) {
        return query("select block_number, log_index, kind, block_time from ledger_event where tx_hash = ?"
                + " order by log_index", txHash, rows -> new Event(rows.getLong(1), rows.getLong(2), rows.getString(3),
                rows.getTimestamp(4).toInstant()));
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, String key, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the index failed: " + sql, e);
        }
    }
}
