package ru.otklik.report;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.message.BreachedDeadlines;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static ru.otklik.report.SqlTime.utc;

/**
 * Computes a {@link Summary} from the registries with SQL aggregation (MSG-25, MSG-28): the database groups the
 * rows, only group totals come back. The month's messages are read in three passes over {@code message} alone
 * (counts with the journal's tallies and the breached deadlines, dimensions, working time), grouped by the
 * department list ({@code message.departments}), which serve the organization and every department at once; the
 * breaches by person are read from {@code message_violation}. The working time's
 * percentiles are taken from the distribution of its values. Portable between H2 and PostgreSQL.
 */
@Component
public class SummaryQueries {

    /** The months of the trend lines: the period's month and the twelve before it. */
    static final int TREND_MONTHS = 13;

    private static final Map<String, Deadline> BY_KEY = Arrays.stream(Deadline.values())
            .collect(Collectors.toMap(d -> d.key, d -> d));

    private final NamedParameterJdbcTemplate jdbc;
    private final OrganizationPolicies policies;

    public SummaryQueries(NamedParameterJdbcTemplate jdbc, OrganizationPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    /** The summary of the organization for the period, as of {@code now}. */
    @Transactional(readOnly = true)
    public Summary compile(String organization, Period period, Instant now) {
        OrganizationPolicy policy = policies.get(organization);
        ZoneId zone = policy.zone();
        Scopes scopes = new Scopes(policy);
        MapSqlParameterSource params = range(organization, period, zone);
        long answerBreached = counters(scopes, params);
        dimensions(scopes, params);
        workingTime(scopes, params);
        violations(scopes, params);
        Figures whole = scopes.whole();
        List<Summary.ViolationCount> violations = new ArrayList<>(whole.violationCounts());
        long messageViolations = violations.stream().mapToLong(Summary.ViolationCount::count).sum();
        violations.addAll(otherViolations(params));
        violations.sort(Comparator.comparing(Summary.ViolationCount::count).reversed()
                .thenComparing(Summary.ViolationCount::responsible).thenComparing(Summary.ViolationCount::ruleId));

        // the period's own headline is read from its figures; only the other periods are queried
        Summary.Headline current = new Summary.Headline(period, whole.messages, whole.answered,
                whole.applicable.getOrDefault(Deadline.ANSWER, 0L), answerBreached, messageViolations, whole.median);
        List<Period> months = new ArrayList<>();
        YearMonth last = YearMonth.from(period.lastDay());
        for (int i = TREND_MONTHS - 1; i >= 0; i--) {
            months.add(Period.of(last.minusMonths(i)));
        }
        List<Summary.Headline> trend = headlines(organization, zone, months, current);
        Summary.Dynamics dynamics;
        if (period.wholeMonth()) {
            dynamics = new Summary.Dynamics(trend.get(TREND_MONTHS - 1), trend.get(TREND_MONTHS - 2), trend.get(0));
        } else {
            List<Summary.Headline> three = headlines(organization, zone,
                    List.of(period, period.previous(), period.yearEarlier()), current);
            dynamics = new Summary.Dynamics(three.get(0), three.get(1), three.get(2));
        }
        Map<String, Long> byDepartment = new LinkedHashMap<>();
        List<Summary.Department> departments = new ArrayList<>();
        for (OrganizationPolicy.Department d : policy.departments()) {
            Figures f = scopes.department(d.id());
            byDepartment.put(d.id(), f.messages);
            departments.add(new Summary.Department(d.id(), d.name(), f.toRecord(Map.of())));
        }
        return new Summary(organization, policy.shortName(), period, now, whole.toRecord(byDepartment), departments,
                violations, dynamics, trend, accounts(params));
    }

    // ---- messages ----
    // Each query groups by the message's department list (a handful of distinct lists); the groups are added up
    // to the organization and to every department in the list, so one pass serves all scopes (a message belongs
    // to exactly one list, so distinct counts add up too).

    /**
     * The counts, the deadlines that applied, the journal's tallies — returns (MSG-9), returns for rework (MSG-15),
     * intermediate answers and the finals after them (MSG-17) — and the messages with a breach of each deadline
     * (MSG-24, MSG-27), all from the messages' own rows: the tallies are kept by the registry ({@code V65}), so the
     * journal and the breaches are not joined. Returns the organization's messages with an answer deadline and a
     * breach of it (the headline of the period).
     */
    private long counters(Scopes scopes, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("SELECT m.departments, m.breached_deadlines, COUNT(*) AS messages, ")
                .append("SUM(CASE WHEN m.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS answered, ")
                .append("SUM(CASE WHEN m.status = 'NOT_PROCESSED' THEN 1 ELSE 0 END) AS not_processed, ")
                .append("SUM(CASE WHEN m.repeat_of IS NOT NULL THEN 1 ELSE 0 END) AS repeats, ")
                .append("SUM(m.return_count) AS returns, ")
                .append("SUM(CASE WHEN m.return_count > 0 THEN 1 ELSE 0 END) AS returned_messages, ")
                .append("SUM(m.rework_count) AS reworks, ")
                .append("COUNT(m.intermediate_at) AS intermediate, ")
                .append("SUM(CASE WHEN m.intermediate_at IS NOT NULL AND m.status = 'ANSWERED' THEN 1 ELSE 0 END) AS finals");
        for (Deadline d : Deadline.values()) {
            if (d.column != null) {
                sql.append(", COUNT(m.").append(d.column).append(") AS due_").append(d.key);
            }
        }
        sql.append(" FROM message m WHERE ").append(COHORT).append(" GROUP BY m.departments, m.breached_deadlines");
        long[] answerBreached = new long[1];
        jdbc.query(sql.toString(), params, rs -> {
            String list = rs.getString("departments");
            long messages = rs.getLong("messages");
            long intermediate = rs.getLong("intermediate");
            List<Deadline> breached = BreachedDeadlines.keys(rs.getString("breached_deadlines")).stream()
                    .map(BY_KEY::get).filter(Objects::nonNull).toList();
            for (Figures f : scopes.of(list)) {
                f.messages += messages;
                f.answered += rs.getLong("answered");
                f.notProcessed += rs.getLong("not_processed");
                f.repeats += rs.getLong("repeats");
                f.joint += list != null && list.contains(",") ? messages : 0;
                f.returns += rs.getLong("returns");
                f.returnedMessages += rs.getLong("returned_messages");
                f.reworks += rs.getLong("reworks");
                f.intermediate += intermediate;
                f.finals += rs.getLong("finals");
                f.applicable.merge(Deadline.FINAL, intermediate, Long::sum);
                for (Deadline d : Deadline.values()) {
                    if (d.column != null) {
                        f.applicable.merge(d, rs.getLong("due_" + d.key), Long::sum);
                    }
                }
                breached.forEach(d -> f.breached.merge(d, messages, Long::sum));
            }
            if (breached.contains(Deadline.ANSWER)) {
                answerBreached[0] += rs.getLong("due_" + Deadline.ANSWER.key);
            }
        });
        return answerBreached[0];
    }

    /** One pass groups by all four dimensions at once; the per-dimension totals are summed from its groups. */
    private void dimensions(Scopes scopes, MapSqlParameterSource params) {
        String sql = "SELECT m.departments, m.importance, m.network, m.topic, m.location, COUNT(*) AS n "
                + "FROM message m WHERE " + COHORT
                + " GROUP BY m.departments, m.importance, m.network, m.topic, m.location";
        jdbc.query(sql, params, rs -> {
            long n = rs.getLong("n");
            for (Figures f : scopes.of(rs.getString("departments"))) {
                f.byImportance.merge(label(rs.getString("importance")), n, Long::sum);
                f.byNetwork.merge(label(rs.getString("network")), n, Long::sum);
                f.byTopic.merge(label(rs.getString("topic")), n, Long::sum);
                f.byLocation.merge(label(rs.getString("location")), n, Long::sum);
            }
        });
    }

    /**
     * The median and 90th percentile of the working time to the answer, from the distribution of its values
     * (hashed, not sorted, by the database) merged per scope; the same continuous percentile as
     * {@code PERCENTILE_CONT}.
     */
    private void workingTime(Scopes scopes, MapSqlParameterSource params) {
        String sql = "SELECT m.departments, m.answer_working_seconds AS seconds, COUNT(*) AS n FROM message m WHERE "
                + COHORT + " AND m.answer_working_seconds IS NOT NULL GROUP BY m.departments, m.answer_working_seconds";
        jdbc.query(sql, params, rs -> {
            long seconds = rs.getLong("seconds");
            long n = rs.getLong("n");
            for (Figures f : scopes.of(rs.getString("departments"))) {
                f.workingSeconds.merge(seconds, n, Long::sum);
            }
        });
        for (Figures f : scopes.all()) {
            f.median = percentile(f.workingSeconds, 0.5);
            f.p90 = percentile(f.workingSeconds, 0.9);
        }
    }

    /** Breaches recorded in the period, by person and rule (MSG-24, MSG-27). */
    private void violations(Scopes scopes, MapSqlParameterSource params) {
        String sql = "SELECT departments, responsible, rule_id, COUNT(*) AS n FROM (SELECT m.departments, "
                + "COALESCE(v.responsible_user, '—') AS responsible, v.rule_id FROM message_violation v "
                + "JOIN message m ON m.id = v.message_id"
                + " WHERE m.organization_id = :org AND v.actual_at >= :from AND v.actual_at < :to) x "
                + "GROUP BY departments, responsible, rule_id";
        jdbc.query(sql, params, rs -> {
            Responsibility key = new Responsibility(rs.getString("responsible"), rs.getString("rule_id"));
            long n = rs.getLong("n");
            for (Figures f : scopes.of(rs.getString("departments"))) {
                f.violations.merge(key, n, Long::sum);
            }
        });
    }

    /** Breached account terms (ACC-4, ACC-3) and content approval terms (ACC-15) recorded in the period. */
    private List<Summary.ViolationCount> otherViolations(MapSqlParameterSource params) {
        List<Summary.ViolationCount> list = new ArrayList<>();
        jdbc.query("SELECT responsible, rule_id, COUNT(*) AS n FROM account_violation WHERE organization_id = :org "
                + "AND recorded_at >= :from AND recorded_at < :to GROUP BY responsible, rule_id", params, rs -> {
            list.add(new Summary.ViolationCount("ACCOUNT", rs.getString("responsible"), rs.getString("rule_id"),
                    rs.getLong("n")));
        });
        jdbc.query("SELECT COALESCE(responsible, '—') AS responsible, rule_id, COUNT(*) AS n FROM content_violation "
                + "WHERE organization_id = :org AND recorded_at >= :from AND recorded_at < :to "
                + "GROUP BY COALESCE(responsible, '—'), rule_id", params, rs -> {
            list.add(new Summary.ViolationCount("CONTENT", rs.getString("responsible"), rs.getString("rule_id"),
                    rs.getLong("n")));
        });
        return list;
    }

    /**
     * Headline figures of several periods in two passes: each message falls in the period of its detection,
     * each breach in the period it was recorded in. A period equal to that of {@code known} takes it as is.
     */
    List<Summary.Headline> headlines(String organization, ZoneId zone, List<Period> periods, Summary.Headline known) {
        List<Period> queried = periods.stream().filter(p -> !p.equals(known.period())).toList();
        List<Summary.Headline> found = queried.isEmpty() ? List.of() : headlines(organization, zone, queried);
        List<Summary.Headline> list = new ArrayList<>();
        int next = 0;
        for (Period p : periods) {
            list.add(p.equals(known.period()) ? known : found.get(next++));
        }
        return list;
    }

    private List<Summary.Headline> headlines(String organization, ZoneId zone, List<Period> periods) {
        MapSqlParameterSource params = new MapSqlParameterSource("org", organization);
        StringBuilder detected = new StringBuilder("CASE");
        StringBuilder recorded = new StringBuilder("CASE");
        Instant min = Instant.MAX;
        Instant max = Instant.MIN;
        for (int i = 0; i < periods.size(); i++) {
            Instant from = start(periods.get(i).from(), zone);
            Instant to = start(periods.get(i).to(), zone);
            params.addValue("f" + i, utc(from)).addValue("t" + i, utc(to));
            detected.append(" WHEN m.detected_at >= :f").append(i).append(" AND m.detected_at < :t").append(i)
                    .append(" THEN ").append(i);
            recorded.append(" WHEN v.actual_at >= :f").append(i).append(" AND v.actual_at < :t").append(i)
                    .append(" THEN ").append(i);
            min = from.isBefore(min) ? from : min;
            max = to.isAfter(max) ? to : max;
        }
        params.addValue("min", utc(min)).addValue("max", utc(max));
        long[][] counts = new long[periods.size()][5];
        Long[] medians = new Long[periods.size()];
        String messages = "SELECT bucket, COUNT(*) AS messages, SUM(answered) AS answered, SUM(applicable) AS applicable, "
                + "SUM(breached) AS breached, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) AS median_seconds "
                + "FROM (SELECT " + detected + " END AS bucket, "
                + "CASE WHEN m.answered_at IS NOT NULL THEN 1 ELSE 0 END AS answered, "
                + "CASE WHEN m.answer_due IS NOT NULL THEN 1 ELSE 0 END AS applicable, "
                + "CASE WHEN m.answer_due IS NOT NULL AND ',' || m.breached_deadlines || ',' LIKE '%,"
                + Deadline.ANSWER.key + ",%' THEN 1 ELSE 0 END AS breached, "
                + "m.answer_working_seconds AS seconds FROM message m "
                + "WHERE m.organization_id = :org AND m.detected_at >= :min AND m.detected_at < :max) x "
                + "WHERE bucket IS NOT NULL GROUP BY bucket";
        jdbc.query(messages, params, rs -> {
            int i = rs.getInt("bucket");
            counts[i][0] = rs.getLong("messages");
            counts[i][1] = rs.getLong("answered");
            counts[i][2] = rs.getLong("applicable");
            counts[i][3] = rs.getLong("breached");
            medians[i] = seconds(rs, "median_seconds");
        });
        String breaches = "SELECT bucket, COUNT(*) AS n FROM (SELECT " + recorded + " END AS bucket FROM message_violation v "
                + "JOIN message m ON m.id = v.message_id WHERE m.organization_id = :org AND v.actual_at >= :min "
                + "AND v.actual_at < :max) x WHERE bucket IS NOT NULL GROUP BY bucket";
        jdbc.query(breaches, params, rs -> {
            counts[rs.getInt("bucket")][4] = rs.getLong("n");
        });
        List<Summary.Headline> list = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            long[] c = counts[i];
            list.add(new Summary.Headline(periods.get(i), c[0], c[1], c[2], c[3], c[4], medians[i]));
        }
        return list;
    }

    // ---- accounts ----

    private Summary.Accounts accounts(MapSqlParameterSource params) {
        Map<String, Long> changes = grouped("SELECT a.action AS k, COUNT(*) AS n FROM account_audit a "
                + "JOIN account ac ON ac.id = a.account_id WHERE ac.organization_id = :org AND a.occurred_at >= :from "
                + "AND a.occurred_at < :to GROUP BY a.action", params);
        long[] reports = single("SELECT COUNT(*), "
                + "SUM(CASE WHEN reported_at IS NOT NULL AND reported_at <= due_at THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN reported_at > due_at THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN reported_at IS NULL THEN 1 ELSE 0 END) "
                + "FROM account_report WHERE organization_id = :org AND due_at >= :from AND due_at < :to", params, 4);
        long[] weeks = single("SELECT COUNT(*), SUM(CASE WHEN below_minimum THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN repost_cap_exceeded THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN below_minimum OR repost_cap_exceeded THEN 0 ELSE 1 END) "
                + "FROM weekly_check_result WHERE organization_id = :org AND week_start >= :fromDate "
                + "AND week_start < :toDate", params, 4);
        long[] approvals = single("SELECT COUNT(*), SUM(CASE WHEN decided_at IS NOT NULL AND NOT late THEN 1 ELSE 0 END) "
                + "FROM content_approval WHERE organization_id = :org AND submitted_at >= :from AND submitted_at < :to",
                params, 2);
        Map<String, Long> byReason = grouped("SELECT reason AS k, COUNT(*) AS n FROM moderation_log "
                + "WHERE organization_id = :org AND moderated_at >= :from AND moderated_at < :to GROUP BY reason", params);
        Map<String, Long> byAction = grouped("SELECT action AS k, COUNT(*) AS n FROM moderation_log "
                + "WHERE organization_id = :org AND moderated_at >= :from AND moderated_at < :to GROUP BY action", params);
        long moderated = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new Summary.Accounts(changes, reports[0], reports[1], reports[2], reports[3], weeks[0], weeks[1],
                weeks[2], weeks[3], approvals[0], approvals[1], byReason, byAction, moderated);
    }

    private Map<String, Long> grouped(String sql, MapSqlParameterSource params) {
        Map<String, Long> map = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            map.put(rs.getString("k"), rs.getLong("n"));
        });
        return sortedByCount(map);
    }

    private long[] single(String sql, MapSqlParameterSource params, int columns) {
        return jdbc.queryForObject(sql, params, (rs, n) -> {
            long[] values = new long[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = rs.getLong(i + 1);
            }
            return values;
        });
    }

    // ---- helpers ----

    /** Messages of the organization detected in the period. */
    private static final String COHORT = "m.organization_id = :org AND m.detected_at >= :from AND m.detected_at < :to";

    private static MapSqlParameterSource range(String organization, Period period, ZoneId zone) {
        return new MapSqlParameterSource("org", organization)
                .addValue("from", utc(start(period.from(), zone)))
                .addValue("to", utc(start(period.to(), zone)))
                .addValue("fromDate", period.from())
                .addValue("toDate", period.to());
    }

    static Instant start(java.time.LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }


    private static Long seconds(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private static String label(String value) {
        return value == null || value.isBlank() ? "не указано" : value;
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> map) {
        return map.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * The continuous percentile {@code p} of the values counted in {@code counts} (value → how many), the same as
     * {@code PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY value)}: interpolated between the values at positions
     * ⌊p·(n−1)⌋ and ⌈p·(n−1)⌉ of the sorted values; rounded to whole seconds; {@code null} without values.
     */
    static Long percentile(SortedMap<Long, Long> counts, double p) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double position = p * (n - 1);
        long first = (long) Math.floor(position);
        long second = (long) Math.ceil(position);
        Long low = null;
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (low == null && first < seen) {
                low = e.getKey();
            }
            if (second < seen) {
                double lo = low;
                return Math.round(second == first ? lo : lo + (e.getKey() - lo) * (position - first));
            }
        }
        throw new IllegalStateException("position beyond the counted values");
    }

    /**
     * The organization and its departments (policy file). A message counts in the organization and in each
     * department of its comma-separated {@code message.departments}.
     */
    private static final class Scopes {
        private final Figures whole = new Figures();
        private final Map<String, Figures> departments = new LinkedHashMap<>();
        private final Map<String, List<Figures>> byList = new HashMap<>();

        Scopes(OrganizationPolicy policy) {
            policy.departments().forEach(d -> departments.put(d.id(), new Figures()));
        }

        Figures whole() {
            return whole;
        }

        Figures department(String id) {
            return departments.get(id);
        }

        List<Figures> all() {
            List<Figures> all = new ArrayList<>(departments.values());
            all.add(whole);
            return all;
        }

        /** The scopes a message with this department list counts in. */
        List<Figures> of(String list) {
            return byList.computeIfAbsent(list == null ? "" : list, l -> {
                List<Figures> scopes = new ArrayList<>();
                scopes.add(whole);
                Arrays.stream(l.split(",")).distinct().map(departments::get).filter(Objects::nonNull)
                        .forEach(scopes::add);
                return scopes;
            });
        }
    }

    /** Who breached which rule. */
    private record Responsibility(String responsible, String ruleId) {
    }

    /** The figures of one scope while they are read. */
    private static final class Figures {
        long messages;
        long answered;
        long notProcessed;
        long repeats;
        long joint;
        long returns;
        long returnedMessages;
        long reworks;
        long intermediate;
        long finals;
        Long median;
        Long p90;
        final Map<String, Long> byImportance = new HashMap<>();
        final Map<String, Long> byNetwork = new HashMap<>();
        final Map<String, Long> byTopic = new HashMap<>();
        final Map<String, Long> byLocation = new HashMap<>();
        final Map<Deadline, Long> applicable = new HashMap<>();
        final Map<Deadline, Long> breached = new HashMap<>();
        final SortedMap<Long, Long> workingSeconds = new TreeMap<>();
        final Map<Responsibility, Long> violations = new HashMap<>();

        List<Summary.ViolationCount> violationCounts() {
            return violations.entrySet().stream().map(e -> new Summary.ViolationCount("MESSAGE",
                    e.getKey().responsible(), e.getKey().ruleId(), e.getValue())).toList();
        }

        Summary.Figures toRecord(Map<String, Long> byDepartment) {
            List<Summary.OnTime> onTime = new ArrayList<>();
            for (Deadline d : Deadline.values()) {
                onTime.add(new Summary.OnTime(d.key, d.ruleId, d.title, applicable.getOrDefault(d, 0L),
                        breached.getOrDefault(d, 0L)));
            }
            List<Summary.ViolationCount> violations = new ArrayList<>(violationCounts());
            violations.sort(Comparator.comparing(Summary.ViolationCount::count).reversed()
                    .thenComparing(Summary.ViolationCount::responsible).thenComparing(Summary.ViolationCount::ruleId));
            return new Summary.Figures(messages, answered, sortedByCount(byImportance), sortedByCount(byNetwork),
                    sortedByCount(byTopic), sortedByCount(byLocation), byDepartment, returns, returnedMessages, reworks,
                    joint, intermediate, finals, repeats, notProcessed, onTime, median, p90, List.copyOf(violations));
        }
    }
}
