package ru.otklik.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.message.MessageRegistry;
import ru.otklik.support.OtklikSpringTest;

import ru.otklik.message.AnswerKind;
import ru.otklik.message.MessageSteps;

import java.time.Instant;
import java.util.UUID;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary's figures on a fixture month (MSG-25, MSG-27, MSG-28), computed in SQL on H2. */
@OtklikSpringTest
class MonthlySummaryFiguresTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageRegistry registry;
    @Autowired
    SummaryQueries queries;
    @Autowired
    Reports reports;
    @Autowired
    MessageSteps messageSteps;

    @Test
    @DisplayName("MSG-25, MSG-27: minsoc March 2030 — counts, on-time shares of every part A deadline, median and 90th percentile, violations by person and rule, dynamics, accounts (H2)")
    void fixtureMonth() {
        SummaryFixture.ensureBuilt(jdbc, registry);

        Summary s = queries.compile(SummaryFixture.ORG, Period.of(YearMonth.of(2030, 3)), Instant.now());

        SummaryFixture.assertMarch(s);
    }

    @Test
    @DisplayName("Report on demand: 01.03–05.03.2030 (dates inclusive) counts only m1 and m2; compared with the 5 days before")
    void periodOnDemand() {
        SummaryFixture.ensureBuilt(jdbc, registry);

        Summary s = reports.period(SummaryFixture.ORG, "2030-03-04", "2030-03-05").summary();

        assertThat(s.period().title()).isEqualTo("04.03.2030 – 05.03.2030");
        assertThat(s.total().messages()).as("m1, m2").isEqualTo(2);
        assertThat(s.dynamics().previous().messages()).as("02.03–03.03: none").isZero();
        assertThat(s.dynamics().previous().period().from()).hasToString("2030-03-02");
        assertThat(s.dynamics().yearEarlier().period().from()).hasToString("2029-03-04");
    }

    @Test
    @DisplayName("MSG-25: posting an answer stores the working time from detection to the first answer: Friday 27.11.2026 17:50 → Monday 30.11 09:15 = 25 minutes; a later answer keeps it")
    void workingTimeToTheFirstAnswer() {
        String key = "zags-fx-" + UUID.randomUUID();
        jdbc.update("INSERT INTO message (organization_id, business_key, network, external_id, text, detected_at, status, "
                + "registered_by, created_at, updated_at) VALUES ('zags', ?, 'VK', ?, 'Текст', ?, 'POSTING', 'fixture', "
                + "?, ?)", key, key, SummaryFixture.at("2026-11-27T17:50"), SummaryFixture.at("2026-11-27T17:50"),
                SummaryFixture.at("2026-11-27T17:50"));
        long id = jdbc.queryForObject("SELECT id FROM message WHERE business_key = ?", Long.class, key);
        Instant detected = SummaryFixture.at("2026-11-27T17:50").toInstant();
        Instant now = SummaryFixture.at("2026-12-10T12:00").toInstant();

        messageSteps.posted(id, "zags", "https://vk.com/wall-1_1", "2026-11-30T09:15", detected,
                AnswerKind.INTERMEDIATE, "zags-specialist", now);
        messageSteps.posted(id, "zags", "https://vk.com/wall-1_2", "2026-12-09T10:00", detected, AnswerKind.FINAL,
                "zags-specialist", now);

        // 17:50–18:00 on Friday, 09:00–09:15 on Monday
        assertThat(jdbc.queryForObject("SELECT answer_working_seconds FROM message WHERE id = ?", Long.class, id))
                .isEqualTo(25 * 60L);
    }
}
