package ru.otklik.dashboard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.otklik.message.MessageStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The dashboard's reads of the registries, aggregated in SQL: the database counts, and only the listed messages
 * (at most {@link Dashboard#LIST_LIMIT} each) come back as rows.
 *
 * <p>The registry keeps the due date of every step it has started ({@code *_due}); the current step is the one
 * of the message's status. Its deadline, and the answer deadline while no author's reply is awaited, are the
 * deadlines an open message runs against now (MSG-8 … MSG-18).
 */
@Repository
class DashboardQueries {

    /** Statuses of messages still worked on. */
    static final Set<MessageStatus> OPEN = EnumSet.complementOf(
            EnumSet.of(MessageStatus.ANSWERED, MessageStatus.NOT_PROCESSED, MessageStatus.CANCELLED));

    /**
     * Open messages with the deadline of the current step ({@code step_due}) and of the answer ({@code case_due}).
     * A joint answer's parts (MSG-18) and a draft share the status DRAFTING: the later-started of the two applies.
     */
    private static final String CURRENT = """
            SELECT m.id, m.organization_id, m.business_key, m.network, m.author_name, m.topic, m.text, m.status,
                   m.importance, m.departments, m.executor, m.process_instance_id, m.detected_at, m.part_due,
                   CASE m.status
                       WHEN 'REGISTERED' THEN m.routing_due
                       WHEN 'ROUTING' THEN m.routing_due
                       WHEN 'DRAFTING' THEN CASE WHEN m.part_due IS NOT NULL
                                                      AND (m.draft_due IS NULL OR m.part_due > m.draft_due)
                                                 THEN m.part_due ELSE m.draft_due END
                       WHEN 'APPROVAL' THEN m.approval_due
                       WHEN 'REWORK' THEN m.rework_due
                       WHEN 'POSTING' THEN m.posting_due
                       WHEN 'RETURNED' THEN m.reroute_due
                   END AS step_due,
                   CASE WHEN m.status = 'AWAITING_REPLY' THEN NULL ELSE m.answer_due END AS case_due
            FROM message m
            WHERE m.organization_id IN (:orgs) AND m.status IN (:open)""";

    /** {@link #CURRENT} with the nearer of the two deadlines. */
    private static final String WITH_NEXT = "SELECT o.*, CASE WHEN o.step_due IS NULL THEN o.case_due "
            + "WHEN o.case_due IS NULL OR o.step_due < o.case_due THEN o.step_due ELSE o.case_due END AS next_due "
            + "FROM (" + CURRENT + ") o";

    private static final String OVERDUE = "(n.step_due < :now OR n.case_due < :now)";
    private static final String WITHIN = "(n.step_due IS NULL OR n.step_due >= :now) "
            + "AND (n.case_due IS NULL OR n.case_due >= :now)";

    private static final String NO_DUE = "CAST(NULL AS TIMESTAMP WITH TIME ZONE)";

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open and overdue messages counted per organization, status and set of departments. */
    record Load(String organization, String status, String departments, long open, long overdue) {
    }

    /** An open message and its deadlines as the registry holds them. */
    record OpenRow(long id, String organization, String businessKey, String network, String authorName, String topic,
                   String text, String status, String importance, String departments, String executor,
                   String processInstanceId, Instant detectedAt, Instant stepDue, Instant caseDue, Instant partDue) {
    }

    /** Messages detected in a window, counted per organization, network, importance and status. */
    record IntakeCount(String organization, String network, String importance, String status, long count) {
    }

    /** The organizations that share a time zone, and a window of theirs: today, or the week to look back from. */
    record Window(Collection<String> organizations, Instant from, Instant to, LocalDate lastMonday) {
    }

    /** Open messages (MSG-8 … MSG-18) and those of them overdue now (MSG-24), counted in the database. */
    List<Load> load(Collection<String> orgs, Instant now) {
        return jdbc.sql("SELECT n.organization_id, n.status, n.departments, COUNT(*) AS open_count, "
                        + "SUM(CASE WHEN " + OVERDUE + " THEN 1 ELSE 0 END) AS overdue_count "
                        + "FROM (" + CURRENT + ") n GROUP BY n.organization_id, n.status, n.departments")
                .params(openParams(orgs, now))
                .query((rs, i) -> new Load(rs.getString("organization_id"), rs.getString("status"),
                        rs.getString("departments"), rs.getLong("open_count"), rs.getLong("overdue_count")))
                .list();
    }

    /** MSG-24: open messages past a deadline now, the longest overdue first. */
    List<OpenRow> overdue(Collection<String> orgs, Instant now, int limit) {
        return openRows(orgs, now, OVERDUE, limit);
    }

    /** Open messages within their deadlines, the nearest deadline first (those without one last). */
    List<OpenRow> withinDeadlines(Collection<String> orgs, Instant now, int limit) {
        return openRows(orgs, now, WITHIN, limit);
    }

    private List<OpenRow> openRows(Collection<String> orgs, Instant now, String condition, int limit) {
        Map<String, Object> params = openParams(orgs, now);
        params.put("limit", limit);
        return jdbc.sql("SELECT * FROM (" + WITH_NEXT + ") n WHERE " + condition
                        + " ORDER BY CASE WHEN n.next_due IS NULL THEN 1 ELSE 0 END, n.next_due, n.id LIMIT :limit")
                .params(params).query(DashboardQueries::openRow).list();
    }

    /** MSG-8: messages detected in the windows, counted. */
    List<IntakeCount> intake(List<Window> windows) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = windows(windows, params);
        return jdbc.sql("SELECT organization_id, network, importance, status, COUNT(*) AS n FROM message WHERE " + where
                        + " GROUP BY organization_id, network, importance, status")
                .params(params)
                .query((rs, i) -> new IntakeCount(rs.getString("organization_id"), rs.getString("network"),
                        rs.getString("importance"), rs.getString("status"), rs.getLong("n")))
                .list();
    }

    /** MSG-8: the latest messages detected in the windows. */
    List<OpenRow> intakeMessages(List<Window> windows, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = windows(windows, params);
        params.put("limit", limit);
        return jdbc.sql("SELECT id, organization_id, business_key, network, author_name, topic, text, status, importance, "
                        + "departments, executor, process_instance_id, detected_at, " + NO_DUE + " AS step_due, " + NO_DUE
                        + " AS case_due, " + NO_DUE + " AS part_due FROM message WHERE " + where
                        + " ORDER BY detected_at DESC, id DESC LIMIT :limit")
                .params(params).query(DashboardQueries::openRow).list();
    }

    /**
     * ACC-7, ACC-8, ACC-6: the accounts that fell short in the latest week checked of each organization, up to the
     * last complete week of the window.
     */
    List<Dashboard.QuotaShortfall> quotaShortfalls(List<Window> windows) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringJoiner where = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < windows.size(); i++) {
            where.add("(w.organization_id IN (:o" + i + ") AND w.week_start = (SELECT MAX(x.week_start) "
                    + "FROM weekly_check_result x WHERE x.organization_id = w.organization_id AND x.week_start <= :m" + i
                    + "))");
            params.put("o" + i, windows.get(i).organizations());
            params.put("m" + i, windows.get(i).lastMonday());
        }
        return jdbc.sql("""
                        SELECT w.organization_id, w.account_id, a.display_name, a.network, a.url, w.week_start,
                               w.publications, w.weekly_minimum, w.reposts, w.repost_cap_percent, w.missed_plan_items,
                               w.below_minimum, w.repost_cap_exceeded, w.explained_at
                        FROM weekly_check_result w JOIN account a ON a.id = w.account_id
                        WHERE w.shortfall = TRUE AND\s""" + where + " ORDER BY w.organization_id, a.display_name, w.account_id")
                .params(params)
                .query((rs, i) -> new Dashboard.QuotaShortfall(rs.getString("organization_id"), rs.getLong("account_id"),
                        rs.getString("display_name"), rs.getString("network"), rs.getString("url"),
                        rs.getObject("week_start", LocalDate.class), rs.getInt("publications"),
                        integer(rs, "weekly_minimum"), rs.getInt("reposts"), integer(rs, "repost_cap_percent"),
                        rs.getInt("missed_plan_items"), rs.getBoolean("below_minimum"),
                        rs.getBoolean("repost_cap_exceeded"), rs.getObject("explained_at") != null))
                .list();
    }

    private static String windows(List<Window> windows, Map<String, Object> params) {
        StringJoiner where = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < windows.size(); i++) {
            where.add("(organization_id IN (:o" + i + ") AND detected_at >= :f" + i + " AND detected_at < :t" + i + ")");
            params.put("o" + i, windows.get(i).organizations());
            params.put("f" + i, utc(windows.get(i).from()));
            params.put("t" + i, utc(windows.get(i).to()));
        }
        return where.toString();
    }

    private static Map<String, Object> openParams(Collection<String> orgs, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("orgs", orgs);
        params.put("open", Arrays.stream(MessageStatus.values()).filter(OPEN::contains).map(Enum::name).toList());
        params.put("now", utc(now));
        return params;
    }

    private static OpenRow openRow(ResultSet rs, int row) throws SQLException {
        return new OpenRow(rs.getLong("id"), rs.getString("organization_id"), rs.getString("business_key"),
                rs.getString("network"), rs.getString("author_name"), rs.getString("topic"), rs.getString("text"),
                rs.getString("status"), rs.getString("importance"), rs.getString("departments"),
                rs.getString("executor"), rs.getString("process_instance_id"), instant(rs, "detected_at"),
                instant(rs, "step_due"), instant(rs, "case_due"), instant(rs, "part_due"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
