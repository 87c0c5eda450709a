package org.lethe.auditor.peers;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.database.Queries;
import org.lethe.auditor.rules.CertificateCheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The certificate checks made so far, and which verifications still need one. */
@ApplicationScoped
public class CertificateStore {

    private static final String SELECT = "select request_id, checked_at, outcome, detail, rate_before, reason,"
            + " membership_auc"
            + " from certificate_check";

    private final AgroalDataSource dataSource;
    private final Queries queries;

    public CertificateStore(AgroalDataSource dataSource, Queries queries) {
        this.dataSource = dataSource;
        this.queries = queries;
    }

    /** The verifications (request id, ledger certificate hash) with no matching certificate seen yet. */
    public Map<String, String> unsettled() {
        Map<String, String> hashes = new HashMap<>();
        queries.list("select v.request_id, v.certificate_hash from verification v left join certificate_check c"
                + " on c.request_id = v.request_id where c.outcome is null or c.outcome <> 'MATCHES'",
                row -> hashes.put(row.getString(1), row.getString(2)));
        return hashes;
    }

    public void save(List<CertificateCheck> checks) {
        String sql = "insert into certificate_check (request_id, checked_at, outcome, detail, rate_before, reason,"
                + " membership_auc) values (?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do update set"
                + " checked_at = excluded.checked_at, outcome = excluded.outcome, detail = excluded.detail,"
                + " rate_before = excluded.rate_before, reason = excluded.reason,"
                + " membership_auc = excluded.membership_auc";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (CertificateCheck check : checks) {
                upsert.setString(1, check.requestId());
                upsert.setTimestamp(2, Timestamp.from(check.checkedAt()));
                upsert.setString(3, check.outcome().name());
                upsert.setString(4, check.detail());
                upsert.setObject(5, check.rateBefore().orElse(null), Types.DOUBLE);
                upsert.setString(6, check.reason().orElse(null));
                upsert.setObject(7, check.membershipAuc().orElse(null), Types.DOUBLE);
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("saving certificate checks failed", e);
        }
    }

    public Map<String, CertificateCheck> all() {
        return byRequest(queries.list(SELECT, CertificateStore::check));
    }

    /** The checks of these requests. */
    public Map<String, CertificateCheck> of(Collection<String> requestIds) {
        return requestIds.isEmpty() ? Map.of()
                : byRequest(queries.list(SELECT + " where request_id = any(?)", CertificateStore::check, requestIds));
    }

    private static Map<String, CertificateCheck> byRequest(List<CertificateCheck> checks) {
        Map<String, CertificateCheck> byRequest = new HashMap<>();
        checks.forEach(check -> byRequest.put(check.requestId(), check));
        return byRequest;
    }

    private static CertificateCheck check(ResultSet row) throws SQLException {
        return new CertificateCheck(row.getString(1), row.getTimestamp(2).toInstant(),
                CertificateCheck.Outcome.valueOf(row.getString(3)), row.getString(4),
                Optional.ofNullable((Double) row.getObject(5)), Optional.ofNullable(row.getString(6)),
                Optional.ofNullable((Double) row.getObject(7)));
    }
}
