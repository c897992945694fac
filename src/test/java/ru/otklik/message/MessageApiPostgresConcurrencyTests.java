package ru.otklik.message;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikPostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency of {@code POST /api/messages} on a real PostgreSQL: a concurrent insert of the same post
 * waits for the first transaction on the unique index and then fails, unlike H2's locking.
 * {@link OtklikPostgresTest}: {@code @OtklikSpringTest} with {@code EmbeddedPostgres} as context initializer.
 */
@OtklikPostgresTest
class MessageApiPostgresConcurrencyTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void tuesdayMorning() {
        MessageApiIntakeTests.clockAt("2026-11-24T11:00");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("PostgreSQL: 20 concurrent identical reports → one 201 and 19 × 200 with the same id, one row, one case")
    void concurrentDuplicates() throws Exception {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        MessageApiConcurrencyTests.assertConcurrentDuplicatesMakeOneCase(rest, jdbc, runtime);
    }

    @Test
    @DisplayName("PostgreSQL: concurrent reports of different posts are all registered")
    void concurrentDifferentPosts() throws Exception {
        var responses = MessageApiConcurrencyTests.concurrently(rest, MessageApiConcurrencyTests.REPORTS,
                i -> MessageApiIntakeTests.vkComment(MessageApiIntakeTests.uniqueId()));
        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody()))
                .isEqualTo(201));
    }
}
