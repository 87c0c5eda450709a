package org.lethe.auditor.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Issued reports, kept byte for byte. */
@ApplicationScoped
public class ReportStore {

    private final AgroalDataSource dataSource;

    public ReportStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select * from report where id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IssuedReport(row.getString("id"), row.getTimestamp("period_from").toInstant(),
                        row.getTimestamp("period_to").toInstant(), row.getTimestamp("generated_at").toInstant(),
                        row.getBytes("json"), row.getBytes("json_signature"), row.getBytes("pdf"),
                        row.getBytes("pdf_signature")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading report " + id + " failed", e);
        }
    }
}
