package ru.otklik.integration.monitoring;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import ru.otklik.integration.monitoring.MonitoringImport.RowResult;
import ru.otklik.integration.monitoring.MonitoringImport.Status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The tables of the imports: {@code message_import} (the job, its progress and its lease) and
 * {@code message_import_row} (the outcome of each row). A job is worked on by one node at a time: the node
 * claims it with a conditional update and holds the claim for {@link #claim lease} time, renewed with every
 * batch; the renewal locks the job's row until the batch commits.
 */
@Component
class MonitoringImportJobs {

    private static final String COLUMNS = "id, organization_id, file_name, file_size, status, created_by, created_at, "
            + "started_at, finished_at, last_row, bytes_done, accepted, duplicates, errors, last_failure";
    private static final String CLAIMABLE = "status <> 'DONE' AND (claimed_by = :node OR lease_until IS NULL "
            + "OR lease_until < :now)";

    private final JdbcClient jdbc;

    MonitoringImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new job, {@link ImportJob.Status#QUEUED}; its file is spooled in the same transaction. */
    long create(String organization, String fileName, String createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO message_import (organization_id, file_name, file_size, status, created_by, created_at, "
                        + "last_row, bytes_done, accepted, duplicates, errors) "
                        + "VALUES (?, ?, 0, 'QUEUED', ?, ?, 1, 0, 0, 0, 0)")
                .params(organization, fileName == null ? null : truncate(fileName, 255), createdBy, utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void sized(long id, long size) {
        jdbc.sql("UPDATE message_import SET file_size = ? WHERE id = ?").params(size, id).update();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message_import WHERE id = ?").param(id).query(this::job)
                .optional();
    }

    /** The oldest job this node may work on: not done, and unclaimed, claimed by this node or with a lapsed lease. */
    Optional<Long> nextClaimable(String node, Instant now) {
        return jdbc.sql("SELECT id FROM message_import WHERE " + CLAIMABLE + " ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("node", node).param("now", utc(now)).query(Long.class).optional();
    }

    /** Claims the job for this node until {@code leaseUntil}; false when it is done or another node holds it. */
    boolean claim(long id, String node, Instant now, Instant leaseUntil) {
        return jdbc.sql("UPDATE message_import SET status = 'RUNNING', claimed_by = :node, lease_until = :lease, "
                        + "started_at = COALESCE(started_at, :now) WHERE id = :id AND " + CLAIMABLE)
                .param("node", node).param("lease", utc(leaseUntil)).param("now", utc(now)).param("id", id)
                .update() == 1;
    }

    /**
     * Renews this node's claim at the start of a batch, which locks the job's row until the batch commits: a node
     * that finds the lease lapsed meanwhile waits for the batch and then sees the lease renewed.
     *
     * @param lastRow the last row the caller knows done: a batch committed meanwhile by another thread or node
     *                makes the renewal fail, so that no row is imported twice
     * @return false when the claim was lost (another node took over after the lease lapsed) or the job moved on
     */
    boolean renew(long id, String node, Instant leaseUntil, int lastRow) {
        return jdbc.sql("UPDATE message_import SET lease_until = ? WHERE id = ? AND claimed_by = ? AND last_row = ? "
                        + "AND status <> 'DONE'")
                .params(utc(leaseUntil), id, node, lastRow).update() == 1;
    }

    void addRow(long id, RowResult row) {
        jdbc.sql("INSERT INTO message_import_row (import_id, row_no, status, message_id, business_key, field, message) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, row.row(), row.status().name(), row.id(), row.businessKey(), row.field(),
                        row.message() == null ? null : truncate(row.message(), 1000))
                .update();
    }

    /**
     * Stores a batch's progress in its transaction; {@code done} ends the job and gives up the claim.
     *
     * @param lastRow the batch's last row; 0 when it had none
     */
    void progress(long id, int lastRow, long bytesDone, int accepted, int duplicates, int errors, boolean done,
                  Instant now) {
        jdbc.sql("UPDATE message_import SET last_row = GREATEST(last_row, ?), bytes_done = ?, accepted = accepted + ?, "
                        + "duplicates = duplicates + ?, errors = errors + ?, status = ?, finished_at = ?, "
                        + "claimed_by = CASE WHEN ? THEN NULL ELSE claimed_by END, last_failure = NULL WHERE id = ?")
                .params(lastRow, bytesDone, accepted, duplicates, errors, done ? "DONE" : "RUNNING",
                        done ? utc(now) : null, done, id)
                .update();
    }

    /** A batch failed (rolled back): gives up the claim; any node retries after {@code retryAt}. */
    void failed(long id, String node, String failure, Instant retryAt) {
        jdbc.sql("UPDATE message_import SET claimed_by = NULL, lease_until = ?, last_failure = ? "
                        + "WHERE id = ? AND claimed_by = ?")
                .params(utc(retryAt), truncate(failure, 1000), id, node).update();
    }

    /** A page of the rows' outcomes in file order, optionally only those of one status. */
    List<RowResult> rows(long id, Status status, int page, int size) {
        return jdbc.sql("SELECT row_no, status, message_id, business_key, field, message FROM message_import_row "
                        + "WHERE import_id = :id" + (status == null ? "" : " AND status = :status")
                        + " ORDER BY row_no LIMIT :limit OFFSET :offset")
                .param("id", id).param("status", status == null ? null : status.name()).param("limit", size)
                .param("offset", (long) page * size).query(MonitoringImportJobs::row).list();
    }

    /** The rows after {@code afterRow}, at most {@code limit}: for reading all of them without offsets. */
    List<RowResult> rowsAfter(long id, Status status, int afterRow, int limit) {
        return jdbc.sql("SELECT row_no, status, message_id, business_key, field, message FROM message_import_row "
                        + "WHERE import_id = :id AND row_no > :after" + (status == null ? "" : " AND status = :status")
                        + " ORDER BY row_no LIMIT :limit")
                .param("id", id).param("after", afterRow).param("status", status == null ? null : status.name())
                .param("limit", limit).query(MonitoringImportJobs::row).list();
    }

    long countRows(long id, Status status) {
        return jdbc.sql("SELECT COUNT(*) FROM message_import_row WHERE import_id = :id"
                        + (status == null ? "" : " AND status = :status"))
                .param("id", id).param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    private static RowResult row(ResultSet rs, int n) throws SQLException {
        Long messageId = rs.getObject("message_id", Long.class);
        return new RowResult(rs.getInt("row_no"), Status.valueOf(rs.getString("status")), messageId,
                rs.getString("business_key"), rs.getString("field"), rs.getString("message"));
    }

    private ImportJob job(ResultSet rs, int n) throws SQLException {
        return new ImportJob(rs.getLong("id"), rs.getString("organization_id"), rs.getString("file_name"),
                rs.getLong("file_size"), ImportJob.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getInt("last_row"),
                rs.getLong("bytes_done"), rs.getInt("accepted"), rs.getInt("duplicates"), rs.getInt("errors"),
                rs.getString("last_failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
