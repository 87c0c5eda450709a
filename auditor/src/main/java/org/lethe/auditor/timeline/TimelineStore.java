package org.lethe.auditor.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.database.Queries;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    private static final String ORDER = " order by clock_start, anchor_block, anchor_log, request_id";

    private final Queries queries;

    public TimelineStore(Queries queries) {
        this.queries = queries;
    }

    public Page requests(RequestFilter filter) {
        List<Object> values = new ArrayList<>();
        String where = where(filter, values);
        long total = queries.first("select count(*) from request_timeline" + where, row -> row.getLong(1),
                values.toArray()).orElseThrow();
        values.add(filter.limit());
        values.add(filter.offset());
        return new Page(total, queries.list("select * from request_timeline" + where + ORDER + " limit ? offset ?",
                TimelineStore::timeline, values.toArray()));
    }

    /** The newest requests, newest first. */
    public List<RequestTimeline> recent(int count) {
        return queries.list("select * from request_timeline"
                + " order by clock_start desc, anchor_block desc, anchor_log desc limit ?", TimelineStore::timeline, count);
    }

    /**
     * The timeline of a request named in a path.
     *
     * @throws ProblemException 400 for a malformed id, 404 for one the indexed ledger does not name
     */
    public RequestTimeline requestNamed(String requestId) {
        String id = RequestIds.parse("requestId", requestId).toHex();
        return request(id).orElseThrow(() -> new ProblemException(404, "unknown-request", "Unknown deletion request",
                "the indexed ledger names no deletion request " + id));
    }

    public Optional<RequestTimeline> request(String requestId) {
        return queries.first("select * from request_timeline where request_id = ?", TimelineStore::timeline, requestId);
    }

    public List<BatchProgress> batches() {
        return batches("", List.of());
    }

    /** The batches with these roots. */
    public List<BatchProgress> batches(Collection<String> roots) {
        return roots.isEmpty() ? List.of() : batches(" where b.batch_root = any(?)", List.of(roots));
    }

    private List<BatchProgress> batches(String where, List<Object> parameters) {
        return queries.list("select b.batch_root, b.request_count, b.anchored_at, b.tx_hash, u.model_id, u.new_version,"
                + " u.strategy, u.executed_at, u.tx_hash as execution_tx,"
                + " (select count(*) from verification v where v.batch_root = b.batch_root) as verified"
                + " from deletion_batch b left join unlearning u on u.target = b.batch_root" + where
                + " order by b.block_number, b.log_index", row -> new BatchProgress(row.getString("batch_root"),
                row.getInt("request_count"), instant(row, "anchored_at"), row.getString("tx_hash"), execution(row),
                row.getInt("verified")), parameters.toArray());
    }

    /** Every recorded version in chain order, each with what it executed; of one model when given. */
    public List<ModelVersion> versions(Optional<String> modelId) {
        Object[] model = modelId.<Object[]>map(id -> new Object[]{id}).orElse(new Object[0]);
        String onModel = modelId.isPresent() ? " where model_id = ?" : "";
        Map<String, List<String>> executes = new HashMap<>();
        queries.list("select target, new_version from unlearning" + onModel,
                row -> executes.computeIfAbsent(row.getString(2), version -> new ArrayList<>()).add(row.getString(1)),
                model);
        return queries.list("select * from model_version" + onModel + " order by block_number, log_index", row ->
                new ModelVersion(row.getString("model_id"), row.getString("version_hash"), row.getString("weights_hash"),
                        row.getString("training_set_root"), row.getString("transcript_root"),
                        Optional.ofNullable(row.getString("parent_version")),
                        instant(row, "recorded_at"), row.getString("tx_hash"),
                        executes.getOrDefault(row.getString("version_hash"), List.of())), model);
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

    private static RequestTimeline timeline(ResultSet rows) throws SQLException {
        Optional<RequestTimeline.VerificationFigures> verification = Optional.empty();
        if (rows.getString("verdict") != null) {
            verification = Optional.of(new RequestTimeline.VerificationFigures(rows.getString("verdict"),
                    rows.getInt("probes"), rows.getInt("target_hits"), rows.getDouble("alpha"), rows.getDouble("beta"),
                    rows.getDouble("backdoor_success_rate"), rows.getDouble("mia_statistic"),
                    rows.getString("certificate_hash"), instant(rows, "verified_at"), rows.getString("verification_tx"),
                    new RequestTimeline.Layers(rows.getString("data_layer"), rows.getString("computation_layer"),
                            rows.getString("serving_layer"), rows.getString("statistics_layer"))));
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
