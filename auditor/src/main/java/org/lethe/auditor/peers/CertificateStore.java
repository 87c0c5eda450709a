package org.lethe.auditor.peers;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.rules.CertificateCheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The certificate checks made so far, and which verifications still need one. */
@ApplicationScoped
public class CertificateStore {

    private final AgroalDataSource dataSource;

    public CertificateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The verifications (request id, ledger certificate hash) with no matching certificate seen yet. */
    public Map<String, String> unsettled() {
        String sql = "select v.request_id, v.certificate_hash from verification v left join certificate_check c"
                + " on c.request_id = v.request_id where c.outcome is null or c.outcome <> 'MATCHES'";
        Map<String, String> hashes = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hashes.put(rows.getString(1), rows.getString(2));
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException("reading unsettled verifications failed", e);
        }
    }

    public void save(List<CertificateCheck> checks) {
        String sql = "insert into certificate_check (request_id, checked_at, outcome, detail, rate_before)"
                + " values (?, ?, ?, ?, ?) on conflict (request_id) do update set checked_at = excluded.checked_at,"
                + " outcome = excluded.outcome, detail = excluded.detail, rate_before = excluded.rate_before";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (CertificateCheck check : checks) {
                upsert.setString(1, check.requestId());
                upsert.setTimestamp(2, Timestamp.from(check.checkedAt()));
                upsert.setString(3, check.outcome().name());
                upsert.setString(4, check.detail());
                upsert.setObject(5, check.rateBefore().orElse(null), Types.DOUBLE);
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("saving certificate checks failed", e);
        }
    }

    public Map<String, CertificateCheck> all() {
        Map<String, CertificateCheck> checks = new HashMap<>();
        read("", Optional.empty()).forEach(check -> checks.put(check.requestId(), check));
        return checks;
    }

    public Optional<CertificateCheck> find(String requestId) {
        return read(" where request_id = ?", Optional.of(requestId)).stream().findFirst();
    }

    private List<CertificateCheck> read(String where, Optional<String> requestId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select request_id, checked_at, outcome, detail, rate_before from certificate_check" + where)) {
            if (requestId.isPresent()) {
                select.setString(1, requestId.get());
            }
            List<CertificateCheck> checks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    checks.add(new CertificateCheck(rows.getString(1), rows.getTimestamp(2).toInstant(),
                            CertificateCheck.Outcome.valueOf(rows.getString(3)), rows.getString(4),
                            Optional.ofNullable((Double) rows.getObject(5))));
                }
            }
            return checks;
        } catch (SQLException e) {
            throw new IllegalStateException("reading certificate checks failed", e);
        }
    }
}
