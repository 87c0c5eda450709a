package org.lethe.auditor.index;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.auditor.database.Queries;
import org.lethe.ledger.event.LedgerEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index's writes: a block range's events and the cursor past them, in one transaction, so a crash
 * leaves either both or neither and a restart reads the range again.
 */
@ApplicationScoped
public class IndexStore {

    private static final String CURSOR =
            "select contract, next_block, head_time, head_block, advanced_at from index_cursor where id = 1";

    private final AgroalDataSource dataSource;
    private final Queries queries;

    public IndexStore(AgroalDataSource dataSource, Queries queries) {
        this.dataSource = dataSource;
        this.queries = queries;
    }

    /**
     * The cursor, made at the deployment block on first use.
     *
     * @throws IllegalStateException if the database indexes another contract
     */
    @Transactional
    public IndexCursor cursor(String contract, long deploymentBlock) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into index_cursor (id, contract, next_block) values (1, ?, ?) on conflict (id) do nothing")) {
                insert.setString(1, contract.toLowerCase());
                insert.setLong(2, deploymentBlock);
                insert.executeUpdate();
            }
            IndexCursor cursor = read(connection);
            if (!cursor.contract().equalsIgnoreCase(contract)) {
                throw new IllegalStateException("this database indexes contract " + cursor.contract() + ", not "
                        + contract + "; give the auditor its own database per contract");
            }
            return cursor;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the index cursor failed", e);
        }
    }

    /** Writes the events of blocks up to {@code nextBlock - 1} and moves the cursor past them. */
    @Transactional
    public void append(List<LedgerEvent> events, Map<Long, Instant> blockTimes, long nextBlock, long headBlock,
                       Instant advancedAt) {
        try (Connection connection = dataSource.getConnection(); EventRows rows = new EventRows(connection)) {
            for (LedgerEvent event : events) {
                rows.add(event, blockTimes.get(event.position().blockNumber()));
            }
            rows.flush();
            try (PreparedStatement update = connection.prepareStatement("update index_cursor set next_block = ?,"
                    + " head_block = ?, head_time = ?, advanced_at = ? where id = 1")) {
                update.setLong(1, nextBlock);
                update.setLong(2, headBlock);
                update.setTimestamp(3, Timestamp.from(blockTimes.get(nextBlock - 1)));
                update.setTimestamp(4, Timestamp.from(advancedAt));
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing blocks before " + nextBlock + " to the index failed", e);
        }
    }

    /** Notes the node's head when there is nothing new to index. */
    @Transactional
    public void touch(long headBlock, Instant advancedAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update index_cursor set head_block = ?, advanced_at = ? where id = 1")) {
            update.setLong(1, headBlock);
            update.setTimestamp(2, Timestamp.from(advancedAt));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("updating the index cursor failed", e);
        }
    }

    /** The cursor as stored, if indexing has begun. */
    public Optional<IndexCursor> current() {
        return queries.first(CURSOR, IndexStore::cursor);
    }

    private static IndexCursor read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CURSOR); ResultSet row = select.executeQuery()) {
            row.next();
            return cursor(row);
        }
    }

    private static IndexCursor cursor(ResultSet row) throws SQLException {
        long head = row.getLong(4);
        Optional<Long> headBlock = row.wasNull() ? Optional.empty() : Optional.of(head);
        return new IndexCursor(row.getString(1), row.getLong(2), instant(row.getTimestamp(3)), headBlock,
                instant(row.getTimestamp(5)));
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
