package org.lethe.auditor.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.auditor.database.Queries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Issued reports, kept byte for byte. */
@ApplicationScoped
public class ReportStore {

    private final AgroalDataSource dataSource;
    private final Queries queries;

    public ReportStore(AgroalDataSource dataSource, Queries queries) {
        this.dataSource = dataSource;
        this.queries = queries;
    }

    public void save(IssuedReport report) {
        String sql = "insert into report (id, period_from, period_to, generated_at, json, json_signature, pdf,"
                + " pdf_signature) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, report.id());
            insert.setTimestamp(2, Timestamp.from(report.from()));
            insert.setTimestamp(3, Timestamp.from(report.to()));
            insert.setTimestamp(4, Timestamp.from(report.generatedAt()));
            insert.setBytes(5, report.json());
            insert.setBytes(6, report.jsonSignature());
            insert.setBytes(7, report.pdf());
            insert.setBytes(8, report.pdfSignature());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving report " + report.id() + " failed", e);
        }
    }

    public Optional<IssuedReport> find(String id) {
        return queries.first("select * from report where id = ?", row -> new IssuedReport(row.getString("id"),
                row.getTimestamp("period_from").toInstant(), row.getTimestamp("period_to").toInstant(),
                row.getTimestamp("generated_at").toInstant(), row.getBytes("json"), row.getBytes("json_signature"),
                row.getBytes("pdf"), row.getBytes("pdf_signature")), id);
    }
}
