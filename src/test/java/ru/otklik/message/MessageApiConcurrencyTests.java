package ru.otklik.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikSpringTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.message.MessageApiIntakeTests.uniqueId;
import static ru.otklik.message.MessageApiIntakeTests.vkComment;

/**
 * Concurrent reports of one post make exactly one entry and one case (H2 here; PostgreSQL in
 * {@link MessageApiPostgresConcurrencyTests}, whose locking differs).
 */
@OtklikSpringTest
class MessageApiConcurrencyTests {

    static final int REPORTS = 20;

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
    @DisplayName("20 concurrent identical reports → one 201 and 19 × 200 with the same id, one row, one case")
    void concurrentDuplicates() throws Exception {
        assertConcurrentDuplicatesMakeOneCase(rest, jdbc, runtime);
    }

    @Test
    @DisplayName("concurrent reports of different posts are all registered, each with its own business key")
    void concurrentDifferentPosts() throws Exception {
        List<ResponseEntity<JsonNode>> responses = concurrently(rest, REPORTS, i -> vkComment(uniqueId()));
        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).as(String.valueOf(r.getBody()))
                .isEqualTo(HttpStatus.CREATED));
        assertThat(responses.stream().map(r -> r.getBody().path("businessKey").asText()).distinct()).hasSize(REPORTS);
    }

    static void assertConcurrentDuplicatesMakeOneCase(TestRestTemplate rest, JdbcTemplate jdbc, RuntimeService runtime)
            throws Exception {
        String externalId = uniqueId();
        Map<String, Object> body = vkComment(externalId);
        long casesBefore = runtime.createProcessInstanceQuery().count();

        List<ResponseEntity<JsonNode>> responses = concurrently(rest, REPORTS, i -> body);

        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).as(String.valueOf(r.getBody()))
                .isIn(HttpStatus.CREATED, HttpStatus.OK));
        assertThat(responses.stream().filter(r -> r.getStatusCode() == HttpStatus.CREATED)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.getStatusCode() == HttpStatus.OK)).hasSize(REPORTS - 1);
        assertThat(responses.stream().map(r -> r.getBody().path("id").asLong()).distinct()).hasSize(1);
        assertThat(responses.stream().map(r -> r.getBody().path("processInstanceId").asText()).distinct())
                .hasSize(1).doesNotContain("", "null");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE external_id = ?", Long.class, externalId))
                .isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(casesBefore + 1);
        long id = responses.get(0).getBody().path("id").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_event WHERE message_id = ? AND step = ?",
                Long.class, id, MessageEvents.REGISTERED)).isEqualTo(1);
    }

    /** Sends {@code count} reports at once: all threads wait at a start gate, then post together. */
    static List<ResponseEntity<JsonNode>> concurrently(TestRestTemplate rest, int count,
                                                       IntFunction<Map<String, Object>> body)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> request = body.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return MessageApiIntakeTests.post(rest, "monitoring", request);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
