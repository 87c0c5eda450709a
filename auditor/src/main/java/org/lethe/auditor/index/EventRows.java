package org.lethe.auditor.index;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.VerificationFigures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns events into rows, batched per table. Every insert ignores a row already there (a verification
 * replaces the verdict it supersedes), so a range read twice counts each event once.
 */
final class EventRows implements AutoCloseable {

    private final PreparedStatement events;
    private final PreparedStatement models;
    private final PreparedStatement versions;
    private final PreparedStatement contributions;
    private final PreparedStatement commitments;
    private final PreparedStatement requests;
    private final PreparedStatement batches;
    private final PreparedStatement unlearnings;
    private final PreparedStatement verifications;
    private final Connection connection;
    private final List<PreparedStatement> statements = new ArrayList<>();
    private final Set<Bytes32> pendingVerifications = new HashSet<>();

    EventRows(Connection connection) throws SQLException {
        this.connection = connection;
        events = insert("ledger_event", "block_number", "log_index", "tx_hash", "kind", "block_time");
        models = insert("model", "model_id", "provider", "registered_at", "tx_hash");
        versions = insert("model_version", "version_hash", "model_id", "weights_hash", "training_set_root",
                "transcript_root", "parent_version", "block_number", "log_index", "recorded_at", "tx_hash");
        contributions = insert("contribution", "contribution_root", "subject_id_hash", "sample_count", "recorded_at",
                "tx_hash");
        commitments = insert("trigger_commitment", "subject_id_hash", "rotation", "commitment", "committed_at",
                "tx_hash");
        requests = insert("deletion_request", "request_id", "subject_id_hash", "contribution_root", "requested_at",
                "anchored_at", "block_number", "log_index", "tx_hash");
        batches = insert("deletion_batch", "batch_root", "request_count", "anchored_at", "block_number", "log_index",
                "tx_hash");
        unlearnings = insert("unlearning", "target", "model_id", "new_version", "strategy", "executed_at", "tx_hash");
        // an INCONCLUSIVE verdict may be followed by another one for the same request: the newest stands
        verifications = upsert("verification", "request_id", "batch_root", "verdict", "probes", "target_hits",
                "alpha", "beta", "backdoor_success_rate", "mia_statistic", "certificate_hash", "verified_at", "tx_hash",
                "data_layer", "computation_layer", "serving_layer", "statistics_layer");
    }

    /** An insert that leaves a row already there alone. */
    private PreparedStatement insert(String table, String... columns) throws SQLException {
        return prepare(into(table, columns) + " on conflict do nothing");
    }

    /** An insert that overwrites the row with the same first column. */
    private PreparedStatement upsert(String table, String key, String... columns) throws SQLException {
        List<String> all = new ArrayList<>(List.of(key));
        all.addAll(List.of(columns));
        return prepare(into(table, all.toArray(String[]::new)) + " on conflict (" + key + ") do update set "
                + Arrays.stream(columns).map(column -> column + " = excluded." + column).collect(Collectors.joining(", ")));
    }

    private static String into(String table, String... columns) {
        return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statements.add(statement);
        return statement;
    }

    void add(LedgerEvent event, Instant blockTime) throws SQLException {
        Timestamp time = Timestamp.from(blockTime);
        String tx = event.position().txHash();
        events.setLong(1, event.position().blockNumber());
        events.setLong(2, event.position().logIndex());
        events.setString(3, tx);
        events.setString(4, event.getClass().getSimpleName());
        events.setTimestamp(5, time);
        events.addBatch();
        if (event instanceof LedgerEvent.ModelRegistered e) {
            batch(models, hex(e.modelId()), e.provider().toLowerCase(), time, tx);
        } else if (event instanceof LedgerEvent.CheckpointRecorded e) {
            Checkpoint c = e.checkpoint();
            batch(versions, hex(c.versionHash()), hex(c.modelId()), hex(c.weightsHash()), hex(c.trainingSetRoot()),
                    hex(c.transcriptRoot()), c.parentVersion().map(Bytes32::toHex).orElse(null),
                    e.position().blockNumber(), e.position().logIndex(), time, tx);
        } else if (event instanceof LedgerEvent.ContributionRecorded e) {
            batch(contributions, hex(e.contribution().contributionRoot()), hex(e.contribution().subjectIdHash()),
                    e.contribution().sampleCount(), time, tx);
        } else if (event instanceof LedgerEvent.TriggerCommitted e) {
            batch(commitments, hex(e.commitment().subjectIdHash()), e.commitment().rotation(),
                    hex(e.commitment().commitment()), time, tx);
        } else if (event instanceof LedgerEvent.DeletionRequested e) {
            DeletionRequest r = e.request();
            batch(requests, hex(r.requestId()), hex(r.subjectIdHash()), hex(r.contributionRoot()),
                    Timestamp.from(r.requestedAt()), time, e.position().blockNumber(), e.position().logIndex(), tx);
        } else if (event instanceof LedgerEvent.DeletionBatchAnchored e) {
            batch(batches, hex(e.batch().batchRoot()), e.batch().count(), time, e.position().blockNumber(),
                    e.position().logIndex(), tx);
        } else if (event instanceof LedgerEvent.UnlearningRecorded e) {
            batch(unlearnings, hex(e.unlearning().target()), hex(e.unlearning().modelId()),
                    hex(e.unlearning().newVersion()), e.unlearning().strategy().name(), time, tx);
        } else if (event instanceof LedgerEvent.VerificationRecorded e) {
            VerificationFigures f = e.verification().figures();
            if (!pendingVerifications.add(e.verification().requestId())) {
                // one multi-row upsert may not touch a row twice: write the earlier verdict first
                verifications.executeBatch();
                pendingVerifications.clear();
                pendingVerifications.add(e.verification().requestId());
            }
            batch(verifications, hex(e.verification().requestId()),
                    e.verification().batchRoot().map(Bytes32::toHex).orElse(null), f.verdict().name(), f.probes(),
                    f.targetHits(), f.alpha(), f.beta(), f.backdoorSuccessRate(), f.miaStatistic(),
                    hex(f.certificateHash()), time, tx, f.layers().data().name(), f.layers().computation().name(),
                    f.layers().serving().name(), f.layers().statistics().name());
        }
    }

    void flush() throws SQLException {
        for (PreparedStatement statement : statements) {
            statement.executeBatch();
        }
    }

    private static void batch(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
        statement.addBatch();
    }

    private static String hex(Bytes32 value) {
        return value.toHex();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements) {
            statement.close();
        }
    }
}
