package ru.otklik.report;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.message.MessageRegistry;
import ru.otklik.message.MessageStep;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/**
 * A fixture month built row by row in the registries: minsoc, March 2030 (Kuzbass time, UTC+7), with the months
 * around it. Every expected value below is counted by hand from these rows; the comments say which rows count.
 */
final class SummaryFixture {

    static final String ORG = "minsoc";
    private final JdbcTemplate jdbc;
    private final MessageRegistry registry;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private int seq;

    SummaryFixture(JdbcTemplate jdbc, MessageRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + ":00+07:00");
    }

    long message(String detected, String network, String importance, String departments, String topic, String location,
                 String status, String dues, String answered, Long answerSeconds, Long repeatOf) {
        String key = ORG + "-fx-" + tag + "-" + (++seq);
        jdbc.update("INSERT INTO message (organization_id, business_key, network, external_id, text, topic, location, "
                        + "detected_at, status, importance, departments, answered_at, answer_working_seconds, repeat_of, "
                        + "registered_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'Текст', ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "'fixture', ?, ?)",
                ORG, key, network, key, topic, location, ts(detected), status, importance, departments,
                answered == null ? null : ts(answered), answerSeconds, repeatOf, ts(detected), ts(detected));
        long id = jdbc.queryForObject("SELECT id FROM message WHERE business_key = ?", Long.class, key);
        for (String column : dues.split(",")) {
            if (!column.isBlank()) {
                jdbc.update("UPDATE message SET " + column.trim() + " = ? WHERE id = ?", ts(detected), id);
            }
        }
        return id;
    }

    /** A journal entry, written as the application writes it (the registry keeps the message's tallies). */
    void event(long message, String step, String at) {
        registry.appendEvent(message, step, "fixture", at(at).toInstant(), null, null);
    }

    /** A breached deadline, recorded as the application records it. */
    void violation(long message, String step, String rule, String responsible, String due, String actual) {
        registry.recordViolation(message, MessageStep.of(step), rule, responsible, at(due).toInstant(),
                at(actual).toInstant());
    }

    /** Builds the fixture once per database (the test classes of a JVM share it). */
    static void ensureBuilt(JdbcTemplate jdbc, MessageRegistry registry) {
        synchronized (SummaryFixture.class) {
            Long built = jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE business_key LIKE ?", Long.class,
                    ORG + "-fx-%");
            if (built == 0) {
                new SummaryFixture(jdbc, registry).build();
            }
        }
    }

    private void build() {
        // m1: answered regular message of «family» with the whole path's deadlines
        long m1 = message("2030-03-04T10:00", "VK", "REGULAR", "family", "Пособия", "Кемерово", "ANSWERED",
                "routing_due,answer_due,draft_due,approval_due,posting_due", "2030-03-04T11:00", 3600L, null);
        // m2: elevated joint answer of «family» and «benefits», two returns for rework, first-round answer breached
        long m2 = message("2030-03-05T10:00", "OK", "ELEVATED", "family,benefits", "Пособия", "Новокузнецк",
                "ANSWERED", "routing_due,answer_due,rework_due,part_due", "2030-03-05T16:00", 7200L, null);
        event(m2, "returned", "2030-03-05T11:00");
        event(m2, "returned", "2030-03-05T12:00");
        violation(m2, "answer", "MSG-12", "minsoc-executor-family", "2030-03-05T14:00", "2030-03-05T14:00");
        // m3: returned by «law» (MSG-9), late re-routing to «benefits», intermediate answer, final answer late
        long m3 = message("2030-03-06T10:00", "VK", "REGULAR", "benefits", "Льготы", null, "ANSWERED",
                "routing_due,answer_due,return_due,reroute_due", "2030-03-20T10:00", 18000L, null);
        event(m3, "returned-not-competent", "2030-03-06T10:30");
        violation(m3, "reroute", "MSG-10", "minsoc-specialists", "2030-03-06T10:35", "2030-03-06T10:35");
        event(m3, "final-answer-due", "2030-03-06T17:00");
        violation(m3, "answer", "MSG-11", "ivanov", "2030-03-17T18:00", "2030-03-17T18:00");
        // m4: not to be processed (MSG-23)
        message("2030-03-07T10:00", "VK", null, null, "Оскорбления", null, "NOT_PROCESSED", "routing_due", null, null,
                null);
        // m5: repeat of m1 (MSG-20); its routing breach is recorded in April
        long m5 = message("2030-03-31T17:50", "VK", "REGULAR", "family", "Пособия", "Кемерово", "ANSWERED",
                "routing_due,answer_due", "2030-04-01T10:00", 1800L, m1);
        violation(m5, "routing", "MSG-8", "minsoc-specialists", "2030-04-01T09:15", "2030-04-01T09:15");
        // m6: last minute of March, still open, nothing set
        message("2030-03-31T23:59", "VK", null, null, null, null, "REGISTERED", "", null, null, null);
        // outside March: 1 April 00:00, two in February (one with a breach recorded in March), one in March 2029
        message("2030-04-01T00:00", "VK", "REGULAR", "family", "Пособия", null, "REGISTERED", "routing_due", null,
                null, null);
        long m0 = message("2030-02-27T10:00", "VK", "REGULAR", "family", "Пособия", null, "ANSWERED",
                "posting_due", "2030-03-02T10:00", 900L, null);
        violation(m0, "posting", "MSG-16", "petrov", "2030-03-02T09:15", "2030-03-02T09:30");
        message("2030-02-28T23:59", "OK", "REGULAR", "law", null, null, "REGISTERED", "", null, null, null);
        message("2029-03-15T10:00", "VK", "REGULAR", "law", null, null, "REGISTERED", "", null, null, null);

        long account = account();
        audit(account, "CREATED", "2030-03-03T10:00");
        audit(account, "CHANGED", "2030-03-10T10:00");
        audit(account, "CHANGED", "2030-02-10T10:00");
        report(account, "2030-03-10T00:00", "2030-03-09T12:00");   // on time
        report(account, "2030-03-12T00:00", "2030-03-13T12:00");   // late
        report(account, "2030-03-20T00:00", null);                  // missing
        report(account, "2030-04-02T00:00", null);                  // due in April
        week(account, "2030-03-04", false, false);
        week(account, "2030-03-11", true, false);
        week(account, "2030-03-25", false, true);
        week(account, "2030-02-25", true, false);
        long a1 = approval("2030-03-05T10:00", false);
        approval("2030-03-06T10:00", true);
        approval("2030-04-01T10:00", false);
        moderation("INSULT", "DELETED", "2030-03-08T10:00");
        moderation("SPAM", "DELETED_AND_BLACKLISTED", "2030-03-09T10:00");
        moderation("SPAM", "DELETED", "2030-02-09T10:00");
        jdbc.update("INSERT INTO account_violation (account_id, organization_id, kind, rule_id, responsible, due_at, "
                + "recorded_at) VALUES (?, ?, 'REPORT_LATE', 'ACC-4', 'minsoc-registry', ?, ?)", account, ORG,
                ts("2030-03-12T00:00"), ts("2030-03-12T00:00"));
        jdbc.update("INSERT INTO content_violation (organization_id, approval_id, rule_id, round, due_at, recorded_at, "
                + "responsible, description) VALUES (?, ?, 'ACC-15', 1, ?, ?, 'minsoc-head', 'Согласование просрочено')",
                ORG, a1, ts("2030-03-05T14:00"), ts("2030-03-05T14:00"));
    }

    private long account() {
        String url = "https://vk.com/fixture_" + tag;
        jdbc.update("INSERT INTO account (organization_id, network, url, display_name, status, text_description, "
                + "designed_visuals, official_page, two_factor_enabled, security_owner, source, registered_by, "
                + "registered_at, updated_at) VALUES (?, 'VK', ?, 'Фикстура', 'ACTIVE', TRUE, TRUE, TRUE, TRUE, 'x', "
                + "'IMPORT', 'fixture', ?, ?)", ORG, url, ts("2030-01-01T10:00"), ts("2030-01-01T10:00"));
        return jdbc.queryForObject("SELECT id FROM account WHERE url = ?", Long.class, url);
    }

    private void audit(long account, String action, String at) {
        jdbc.update("INSERT INTO account_audit (account_id, actor, action, occurred_at) VALUES (?, 'fixture', ?, ?)",
                account, action, ts(at));
    }

    private void report(long account, String due, String reported) {
        jdbc.update("INSERT INTO account_report (account_id, organization_id, kind, event_on, due_at, recipient, "
                + "reported_at, late) VALUES (?, ?, 'CREATED', ?, ?, 'media', ?, FALSE)", account, ORG,
                LocalDate.of(2030, 3, 1), ts(due), reported == null ? null : ts(reported));
    }

    private void week(long account, String monday, boolean below, boolean reposts) {
        jdbc.update("INSERT INTO weekly_check_result (organization_id, account_id, week_start, publications, reposts, "
                + "missed_plan_items, below_minimum, repost_cap_exceeded, shortfall, checked_at) "
                + "VALUES (?, ?, ?, 5, 1, 0, ?, ?, ?, ?)", ORG, account, LocalDate.parse(monday), below, reposts,
                below || reposts, ts("2030-04-01T09:00"));
    }

    private long approval(String submitted, boolean late) {
        String title = "Фикстура " + tag + " " + submitted;
        jdbc.update("INSERT INTO content_approval (organization_id, kind, title, content, submitted_at, submitted_by, "
                + "round, round_started_at, status, late, decided_at) VALUES (?, 'OPERATIONAL', ?, 'x', ?, 'cur', 1, ?, "
                + "'AGREED', ?, ?)", ORG, title, ts(submitted), ts(submitted), late, ts(submitted));
        return jdbc.queryForObject("SELECT id FROM content_approval WHERE title = ?", Long.class, title);
    }

    private void moderation(String reason, String action, String at) {
        jdbc.update("INSERT INTO moderation_log (organization_id, network, reason, comment_deleted, author_blacklisted, "
                + "moderated_at, action, source) VALUES (?, 'VK', ?, TRUE, FALSE, ?, ?, 'ACCOUNT')", ORG, reason, ts(at),
                action);
    }

    private static Timestamp ts(String local) {
        return Timestamp.from(at(local).toInstant());
    }

    /** The figures of March 2030, each counted by hand from the rows above. */
    static void assertMarch(Summary s) {
        Summary.Figures f = s.total();
        assertThat(f.messages()).as("m1…m6").isEqualTo(6);
        assertThat(f.answered()).as("m1, m2, m3, m5").isEqualTo(4);
        assertThat(f.byImportance()).containsOnly(entry("REGULAR", 3L), entry("ELEVATED", 1L), entry("не указано", 2L));
        assertThat(f.byNetwork()).containsOnly(entry("VK", 5L), entry("OK", 1L));
        assertThat(f.byTopic()).containsOnly(entry("Пособия", 3L), entry("Льготы", 1L), entry("Оскорбления", 1L),
                entry("не указано", 1L));
        assertThat(f.byLocation()).containsOnly(entry("Кемерово", 2L), entry("Новокузнецк", 1L), entry("не указано", 3L));
        assertThat(f.byDepartment()).contains(entry("family", 3L), entry("benefits", 2L), entry("law", 0L));
        assertThat(f.returns()).isEqualTo(1);
        assertThat(f.returnedMessages()).isEqualTo(1);
        assertThat(f.reworks()).isEqualTo(2);
        assertThat(f.jointAnswers()).isEqualTo(1);
        assertThat(f.intermediateAnswers()).isEqualTo(1);
        assertThat(f.finalsAfterIntermediate()).isEqualTo(1);
        assertThat(f.repeats()).isEqualTo(1);
        assertThat(f.notProcessed()).isEqualTo(1);
        onTime(f, "routing", 5, 1);   // m1…m5 have it; m5 breached (recorded in April, still m5's)
        onTime(f, "return", 1, 0);
        onTime(f, "reroute", 1, 1);
        onTime(f, "draft", 1, 0);
        onTime(f, "approval", 1, 0);
        onTime(f, "rework", 1, 0);
        onTime(f, "part", 1, 0);
        onTime(f, "posting", 1, 0);
        onTime(f, "answer", 4, 1);    // m3's answer breach is due after its intermediate answer: the final's
        onTime(f, "final", 1, 1);
        assertThat(f.onTime("answer").share()).isCloseTo(0.75, within(1e-9));
        // seconds 1800, 3600, 7200, 18000: median (3600 + 7200) / 2; 90th: 7200 + 0.7 × (18000 − 7200)
        assertThat(f.medianAnswerSeconds()).isEqualTo(5400L);
        assertThat(f.p90AnswerSeconds()).isEqualTo(14760L);

        Summary.Figures family = department(s, "family");
        assertThat(family.messages()).as("m1, m2, m5").isEqualTo(3);
        onTime(family, "routing", 3, 1);
        onTime(family, "answer", 3, 1);
        assertThat(family.medianAnswerSeconds()).isEqualTo(3600L);
        Summary.Figures benefits = department(s, "benefits");
        assertThat(benefits.messages()).as("m2, m3").isEqualTo(2);
        assertThat(benefits.jointAnswers()).isEqualTo(1);
        assertThat(benefits.returns()).isEqualTo(1);
        onTime(benefits, "reroute", 1, 1);
        onTime(benefits, "final", 1, 1);
        assertThat(benefits.medianAnswerSeconds()).isEqualTo(12600L);
        assertThat(department(s, "law").messages()).isZero();
        assertThat(benefits.violations()).extracting(Summary.ViolationCount::responsible)
                .containsExactlyInAnyOrder("minsoc-executor-family", "minsoc-specialists", "ivanov");

        // recorded in March: m2, m3 ×2, m0 (February's message); m5's April breach is not; plus ACC-4 and ACC-15
        assertThat(s.violations()).extracting(v -> v.source() + "|" + v.responsible() + "|" + v.ruleId() + "|" + v.count())
                .containsExactlyInAnyOrder("MESSAGE|minsoc-executor-family|MSG-12|1", "MESSAGE|minsoc-specialists|MSG-10|1",
                        "MESSAGE|ivanov|MSG-11|1", "MESSAGE|petrov|MSG-16|1", "ACCOUNT|minsoc-registry|ACC-4|1",
                        "CONTENT|minsoc-head|ACC-15|1");

        assertThat(s.dynamics().current().messages()).isEqualTo(6);
        assertThat(s.dynamics().current().violations()).isEqualTo(4);
        assertThat(s.dynamics().current().answerOnTimeShare()).isCloseTo(0.75, within(1e-9));
        assertThat(s.dynamics().previous().period().title()).isEqualTo("февраль 2030");
        assertThat(s.dynamics().previous().messages()).as("m0 and 28.02 23:59").isEqualTo(2);
        assertThat(s.dynamics().previous().violations()).isZero();
        assertThat(s.dynamics().yearEarlier().period().title()).isEqualTo("март 2029");
        assertThat(s.dynamics().yearEarlier().messages()).isEqualTo(1);
        assertThat(s.trend()).hasSize(13);
        assertThat(s.trend().get(12).messages()).isEqualTo(6);

        Summary.Accounts a = s.accounts();
        assertThat(a.changes()).containsOnly(entry("CREATED", 1L), entry("CHANGED", 1L));
        assertThat(a.reportsDue()).isEqualTo(3);
        assertThat(a.reportsOnTime()).isEqualTo(1);
        assertThat(a.reportsLate()).isEqualTo(1);
        assertThat(a.reportsMissing()).isEqualTo(1);
        assertThat(a.weeksChecked()).isEqualTo(3);
        assertThat(a.weeksBelowMinimum()).isEqualTo(1);
        assertThat(a.weeksRepostCapExceeded()).isEqualTo(1);
        assertThat(a.weeksCompliant()).isEqualTo(1);
        assertThat(a.approvals()).isEqualTo(2);
        assertThat(a.approvalsOnTime()).isEqualTo(1);
        assertThat(a.moderated()).isEqualTo(2);
        assertThat(a.moderationByReason()).containsOnly(entry("INSULT", 1L), entry("SPAM", 1L));
        assertThat(a.moderationByAction()).containsOnly(entry("DELETED", 1L), entry("DELETED_AND_BLACKLISTED", 1L));
    }

    private static void onTime(Summary.Figures f, String step, long applicable, long breached) {
        Summary.OnTime o = f.onTime(step);
        assertThat(o.applicable()).as(step + " applicable").isEqualTo(applicable);
        assertThat(o.breached()).as(step + " breached").isEqualTo(breached);
    }

    private static Summary.Figures department(Summary s, String id) {
        return s.departments().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().figures();
    }
}
