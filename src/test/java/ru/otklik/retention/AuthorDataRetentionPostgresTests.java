package ru.otklik.retention;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikPostgresTest;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymisation's SQL (the join with Camunda's runtime table, LIMIT, the IN lists) and its ShedLock lock on
 * PostgreSQL. Run at 2018-03-05 10:00 +07:00 with P3Y: a case cancelled on 2015-03-04 (3 years and a day before)
 * is anonymised, one cancelled on 2015-03-06 is not.
 */
@OtklikPostgresTest
class AuthorDataRetentionPostgresTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    AuthorDataRetention retention;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("On PostgreSQL a case ended 3 years and a day ago is anonymised once, a newer one not")
    void anonymisesOnPostgres() {
        RetentionTesting cases = new RetentionTesting(rest, jdbc, runtime);
        RetentionTesting.Case old = cases.reportAndCancel(OffsetDateTime.parse("2015-03-04T10:00:00+07:00"), "Ольга Старова");
        RetentionTesting.Case recent = cases.reportAndCancel(OffsetDateTime.parse("2015-03-06T10:00:00+07:00"),
                "Пётр Новиков");
        RetentionTesting.clockAt(OffsetDateTime.parse("2018-03-05T10:00:00+07:00"));

        RetentionRun first = retention.run("test").orElseThrow();
        RetentionRun second = retention.run("test").orElseThrow();

        assertThat(first.messages()).isGreaterThanOrEqualTo(1);
        assertThat(first.processVariables()).isGreaterThanOrEqualTo(5);
        assertThat(cases.message(old.id())).containsEntry("AUTHOR_NAME", "«обезличено»").containsEntry("TEXT", "«обезличено»")
                .containsEntry("URL", null);
        assertThat(cases.message(recent.id())).containsEntry("AUTHOR_NAME", "Пётр Новиков");
        assertThat(second.messages()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = ?", Integer.class,
                AuthorDataRetention.LOCK)).isEqualTo(1);
    }
}
