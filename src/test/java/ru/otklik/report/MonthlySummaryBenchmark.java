package ru.otklik.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikPostgresTest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly summary over 1 000 000 messages of one organization and month on embedded PostgreSQL (goal: under
 * 5 s). Loads the registry with {@code generate_series}: October 2031 of zags with 1 000 000 messages, about
 * 2.1 million journal entries and 50 000 violations, and 10 000 messages in each of the 12 months before it (for
 * the trend and the dynamics), sets the messages' tallies of their journal and breaches as the registry keeps
 * them, and vacuums and analyses the tables. Then compiles the summary six times (the first
 * one warms up) and writes the timings to {@code target/benchmarks/monthly-summary.json}. Tagged
 * {@code benchmark}: not part of the normal run; see the README for the command.
 */
@OtklikPostgresTest
@Tag("benchmark")
class MonthlySummaryBenchmark {

    static final int MESSAGES = 1_000_000;
    static final int EARLIER_PER_MONTH = 10_000;
    static final int RUNS = 6;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SummaryQueries queries;

    @Test
    @DisplayName("MSG-25: monthly summary over 1 000 000 messages on PostgreSQL")
    void monthlySummaryOverOneMillionMessages() throws IOException {
        long loadStart = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Period october = Period.of(YearMonth.of(2031, 10));
        List<Double> seconds = new ArrayList<>();
        Summary summary = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            summary = queries.compile("zags", october, Instant.now());
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        List<Double> measured = new ArrayList<>(seconds.subList(1, RUNS));
        measured.sort(Double::compare);
        double median = measured.get(measured.size() / 2);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messagesInMonth", summary.total().messages());
        result.put("messagesEarlier", 12L * EARLIER_PER_MONTH);
        result.put("journalEntries", jdbc.queryForObject("SELECT COUNT(*) FROM message_event", Long.class));
        result.put("violations", jdbc.queryForObject("SELECT COUNT(*) FROM message_violation", Long.class));
        result.put("loadSeconds", round(loadSeconds));
        result.put("warmUpSeconds", round(seconds.get(0)));
        result.put("runsSeconds", seconds.subList(1, RUNS).stream().map(MonthlySummaryBenchmark::round).toList());
        result.put("medianSeconds", round(median));
        result.put("minSeconds", round(measured.get(0)));
        result.put("maxSeconds", round(measured.get(measured.size() - 1)));
        result.put("postgres", jdbc.queryForObject("SHOW server_version", String.class));
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        result.put("java", System.getProperty("java.version"));
        Path file = Path.of(System.getProperty("basedir", "."), "target", "benchmarks", "monthly-summary.json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
        System.out.println("Monthly summary benchmark: " + result);

        assertThat(summary.total().messages()).isEqualTo(MESSAGES);
        assertThat(summary.trend().get(11).messages()).isEqualTo(EARLIER_PER_MONTH);
        assertThat(summary.total().answered()).isEqualTo(MESSAGES * 90L / 100);
        // the journal's and the breaches' figures come from the tallies; counted here from the rows themselves
        String ofOctober = " JOIN message m ON m.id = x.message_id WHERE m.organization_id = 'zags' "
                + "AND m.detected_at >= TIMESTAMPTZ '2031-10-01 00:00:00+07' "
                + "AND m.detected_at < TIMESTAMPTZ '2031-11-01 00:00:00+07'";
        assertThat(summary.total().returns()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM message_event x"
                + ofOctober + " AND x.step = 'returned-not-competent'", Long.class));
        assertThat(summary.total().intermediateAnswers()).isEqualTo(jdbc.queryForObject("SELECT COUNT(DISTINCT "
                + "x.message_id) FROM message_event x" + ofOctober + " AND x.step = 'final-answer-due'", Long.class));
        assertThat(summary.total().onTime(Deadline.DRAFT.key).breached()).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(DISTINCT x.message_id) FROM message_violation x" + ofOctober + " AND x.step = 'draft'",
                Long.class));
        assertThat(median).as("median seconds of a summary over 1 000 000 messages (goal 5 s)").isLessThan(5.0);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The registry rows, generated in the database. */
    private void load() {
        jdbc.execute(messages("bench-", MESSAGES, "TIMESTAMPTZ '2031-10-01 00:00:00+07'", 31L * 86400));
        for (int i = 12; i >= 1; i--) {
            YearMonth month = YearMonth.of(2031, 10).minusMonths(i);
            jdbc.execute(messages("bench-" + month + "-", EARLIER_PER_MONTH,
                    "TIMESTAMPTZ '" + month.atDay(1) + " 00:00:00+07'", month.lengthOfMonth() * 86400L));
        }
        jdbc.execute("UPDATE message SET repeat_of = id - 1 WHERE business_key LIKE 'bench-%' AND id % 50 = 0");
        String bench = " FROM message WHERE organization_id = 'zags' AND business_key LIKE 'bench-%'";
        jdbc.execute("INSERT INTO message_event (message_id, step, occurred_at, rule_id) SELECT id, 'registered', "
                + "detected_at, 'MSG-8'" + bench);
        jdbc.execute("INSERT INTO message_event (message_id, step, occurred_at, rule_id) SELECT id, 'routed', "
                + "detected_at + INTERVAL '10 minutes', 'MSG-8'" + bench);
        jdbc.execute("INSERT INTO message_event (message_id, step, occurred_at, rule_id) SELECT id, "
                + "'returned-not-competent', detected_at + INTERVAL '20 minutes', 'MSG-9'" + bench + " AND id % 33 = 0");
        jdbc.execute("INSERT INTO message_event (message_id, step, occurred_at, rule_id) SELECT id, 'returned', "
                + "detected_at + INTERVAL '2 hours', 'MSG-14'" + bench + " AND id % 20 = 0");
        jdbc.execute("INSERT INTO message_event (message_id, step, occurred_at, rule_id) SELECT id, 'final-answer-due', "
                + "detected_at + INTERVAL '3 hours', 'MSG-17'" + bench + " AND id % 50 = 7");
        jdbc.execute("INSERT INTO message_violation (message_id, step, rule_id, responsible_user, due_at, actual_at) "
                + "SELECT id, (ARRAY['routing','draft','approval','posting','answer'])[1 + (id / 20) % 5], 'MSG-8', "
                + "'zags-user-' || (id % 40), detected_at + INTERVAL '4 hours', detected_at + INTERVAL '4 hours'"
                + bench + " AND id % 20 = 3");
        // the message's tallies of its journal and breaches, as the registry keeps them (V65)
        jdbc.execute("UPDATE message m SET return_count = t.returns, rework_count = t.reworks, intermediate_at = t.first "
                + "FROM (SELECT message_id, SUM(CASE WHEN step = 'returned-not-competent' THEN 1 ELSE 0 END) AS returns, "
                + "SUM(CASE WHEN step = 'returned' THEN 1 ELSE 0 END) AS reworks, "
                + "MIN(CASE WHEN step = 'final-answer-due' THEN occurred_at END) AS first FROM message_event "
                + "WHERE step IN ('returned-not-competent', 'returned', 'final-answer-due') GROUP BY message_id) t "
                + "WHERE m.id = t.message_id");
        jdbc.execute("UPDATE message m SET breached_deadlines = t.keys FROM (SELECT message_id, "
                + "STRING_AGG(k, ',' ORDER BY k) AS keys FROM (SELECT DISTINCT v.message_id, CASE WHEN v.step = 'answer' "
                + "AND b.intermediate_at < v.due_at THEN 'final' ELSE v.step END AS k FROM message_violation v "
                + "JOIN message b ON b.id = v.message_id) x GROUP BY message_id) t WHERE m.id = t.message_id");
        // a month is summarised after it ended, when autovacuum has long processed its rows; without this, the
        // first reads set hint bits and autovacuum starts in the middle of the timed runs
        jdbc.execute("VACUUM ANALYZE");
    }

    /** {@code count} messages of zags detected in the {@code span} seconds from {@code start}. */
    private static String messages(String prefix, int count, String start, long span) {
        return "INSERT INTO message (organization_id, business_key, network, external_id, text, topic, location, "
                + "detected_at, status, importance, departments, routing_due, answer_due, draft_due, approval_due, "
                + "rework_due, posting_due, return_due, reroute_due, part_due, answered_at, answer_working_seconds, "
                + "registered_by, created_at, updated_at) "
                + "SELECT 'zags', '" + prefix + "' || g, (ARRAY['VK','OK','TELEGRAM','TWITTER','INSTAGRAM'])[1 + g % 5], "
                + "'" + prefix + "' || g, 'Текст', 'Тема ' || (g % 20), 'Место ' || (g % 30), d, "
                + "CASE WHEN g % 100 < 90 THEN 'ANSWERED' WHEN g % 100 < 93 THEN 'NOT_PROCESSED' ELSE 'DRAFTING' END, "
                + "CASE WHEN g % 100 BETWEEN 90 AND 92 THEN NULL WHEN g % 10 = 0 THEN 'ELEVATED' ELSE 'REGULAR' END, "
                + "CASE WHEN g % 10 = 1 THEN 'yur,it' ELSE (ARRAY['oto','yur','it','arch','fin'])[1 + g % 5] END, "
                + "d, d, d, d, CASE WHEN g % 20 = 0 THEN d END, d, CASE WHEN g % 33 = 0 THEN d END, "
                + "CASE WHEN g % 33 = 0 THEN d END, CASE WHEN g % 10 = 1 THEN d END, "
                + "CASE WHEN g % 100 < 90 THEN d + INTERVAL '1 hour' END, "
                + "CASE WHEN g % 100 < 90 THEN (g * 37) % 28800 END, 'benchmark', d, d "
                + "FROM (SELECT g, " + start + " + ((g * 7919) % " + span + ") * INTERVAL '1 second' AS d "
                + "FROM generate_series(CAST(1 AS BIGINT), " + count + ") AS g) s";
    }
}
