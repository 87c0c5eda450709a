package org.lethe.auditor.timeline;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads timelines, batches and versions out of the index. */
@ApplicationScoped
public class TimelineStore {

    /** A page of requests and how many match in all. */
    public record Page(long total, List<RequestTimeline> requests) {
    }

    private final AgroalDataSource dataSource;

    public TimelineStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page requests(RequestFilter filter) {
        List<Object> values = new ArrayList<>();
        String where = where(filter, values);
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "select count(*) from request_timeline" + where, values);
                 ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
            List<Object> paged = new ArrayList<>(values);
            paged.add(filter.limit());
            paged.add(filter.offset());
            try (PreparedStatement select = prepare(connection, "select * from request_timeline" + where
                    + " order by clock_start, anchor_block, anchor_log, request_id limit ? offset ?", paged);
                 ResultSet rows = select.executeQuery()) {
                List<RequestTimeline> requests = new ArrayList<>();
                while (rows.next()) {
                    requests.add(timeline(rows));
                }
                return new Page(total, requests);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading requests from the index failed", e);
        }
    }

    /** The newest requests, newest first. */
    public List<RequestTimeline> recent(int count) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, "select * from request_timeline"
                     + " order by clock_start desc, anchor_block desc, anchor_log desc limit ?", List.of(count));
             ResultSet rows = select.executeQuery()) {
            List<RequestTimeline> requests = new ArrayList<>();
            while (rows.next()) {
                requests.add(timeline(rows));
            }
            return requests;
        } catch (SQLException e) {
            throw new IllegalStateException("reading recent requests from the index failed", e);
        }
    }

    public Optional<RequestTimeline> request(String requestId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepare(connection, "select * from request_timeline where request_id = ?",
                     List.of(requestId));
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(timeline(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("reading request " + requestId + " from the index failed", e);
        }
    }

    public List<BatchProgress> batches() {
        String sql = "select b.batch_root, b.request_count, b.anchored_at, b.tx_hash, u.model_id, u.new_version,"
                + " u.strategy, u.executed_at, u.tx_hash as execution_tx,"
                + " (select count(*) from verification v where v.batch_root = b.batch_root) as verified"
                + " from deletion_batch b left join unlearning u on u.target = b.batch_root order by b.block_number, b.log_index";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            List<BatchProgress> batches = new ArrayList<>();
            while (rows.next()) {
                batches.add(new BatchProgress(rows.getString("batch_root"), rows.getInt("request_count"),
                        instant(rows, "anchored_at"), rows.getString("tx_hash"), execution(rows), rows.getInt("verified")));
            }
            return batches;
        } catch (SQLException e) {
            throw new IllegalStateException("reading batches from the index failed", e);
        }
    }

    /** Every recorded version in chain order, each with what it executed; of one model when given. */
    public List<ModelVersion> versions(Optional<String> modelId) {
        Map<String, List<String>> executes = new HashMap<>();
        List<Object> values = modelId.<List<Object>>map(List::of).orElse(List.of());
        String onModel = modelId.isPresent() ? " where model_id = ?" : "";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = prepare(connection, "select target, new_version from unlearning" + onModel,
                    values);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    executes.computeIfAbsent(rows.getString(2), version -> new ArrayList<>()).add(rows.getString(1));
                }
            }
            try (PreparedStatement select = prepare(connection, "select * from model_version" + onModel
                    + " order by block_number, log_index", values);
                 ResultSet rows = select.executeQuery()) {
                List<ModelVersion> versions = new ArrayList<>();
                while (rows.next()) {
                    String version = rows.getString("version_hash");
                    versions.add(new ModelVersion(rows.getString("model_id"), version, rows.getString("weights_hash"),
                            rows.getString("training_set_root"), Optional.ofNullable(rows.getString("parent_version")),
                            instant(rows, "recorded_at"), rows.getString("tx_hash"),
                            executes.getOrDefault(version, List.of())));
                }
                return versions;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading model versions from the index failed", e);
        }
    }

    private static String where(RequestFilter filter, List<Object> values) {
        List<String> conditions = new ArrayList<>();
        filter.subjectIdHash().ifPresent(subject -> {
            conditions.add("subject_id_hash = ?");
            values.add(subject);
        });
        filter.modelId().ifPresent(model -> {
            conditions.add("model_id = ?");
            values.add(model);
        });
        filter.from().ifPresent(from -> {
            conditions.add("clock_start >= ?");
            values.add(Timestamp.from(from));
        });
        filter.to().ifPresent(to -> {
            conditions.add("clock_start < ?");
            values.add(Timestamp.from(to));
        });
        filter.status().ifPresent(status -> {
            switch (status) {
                case REQUESTED -> conditions.add("executed_at is null and verdict is null");
                case EXECUTED -> conditions.add("executed_at is not null and verdict is null");
                default -> {
                    conditions.add("verdict = ?");
                    values.add(status.name());
                }
            }
        });
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    private static RequestTimeline timeline(ResultSet rows) throws SQLException {
        Optional<RequestTimeline.VerificationFigures> verification = Optional.empty();
        if (rows.getString("verdict") != null) {
            verification = Optional.of(new RequestTimeline.VerificationFigures(rows.getString("verdict"),
                    rows.getInt("probes"), rows.getInt("target_hits"), rows.getDouble("alpha"), rows.getDouble("beta"),
                    rows.getDouble("backdoor_success_rate"), rows.getDouble("mia_statistic"),
                    rows.getString("certificate_hash"), instant(rows, "verified_at"), rows.getString("verification_tx")));
        }
        return new RequestTimeline(rows.getString("request_id"), Optional.ofNullable(rows.getString("subject_id_hash")),
                Optional.ofNullable(rows.getString("contribution_root")),
                Optional.ofNullable(rows.getTimestamp("requested_at")).map(Timestamp::toInstant),
                new RequestTimeline.Anchor(Optional.ofNullable(rows.getString("batch_root")), instant(rows, "anchored_at"),
                        rows.getString("anchor_tx")),
                execution(rows), verification);
    }

    private static Optional<RequestTimeline.Execution> execution(ResultSet rows) throws SQLException {
        if (rows.getString("new_version") == null) {
            return Optional.empty();
        }
        return Optional.of(new RequestTimeline.Execution(rows.getString("model_id"), rows.getString("new_version"),
                rows.getString("strategy"), instant(rows, "executed_at"), rows.getString("execution_tx")));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getTimestamp(column).toInstant();
    }
}
