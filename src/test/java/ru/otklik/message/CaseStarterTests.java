package ru.otklik.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.support.OtklikSpringTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.message.MessageApiIntakeTests.clockAt;
import static ru.otklik.message.MessageApiIntakeTests.uniqueId;
import static ru.otklik.message.MessageApiIntakeTests.vkComment;

/**
 * MSG-8: a report made with {@code Prefer: respond-async} is registered and answered at once (202), and its case
 * is started afterwards by {@link CaseStarter}, with the deadlines counted from the detection. Expected deadlines
 * by hand: schedule Mon–Fri 09:00–13:00, 14:00–18:00, +07:00.
 */
@OtklikSpringTest
@DisplayName("Cases started in the background")
class CaseStarterTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    CaseStarter starter;
    @Autowired
    CaseQueue queue;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MessageRegistry registry;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("MSG-8: 202 with the number at once, one queued start for a resent post, the case and its deadlines later")
    void respondAsync() {
        clockAt("2026-11-23T10:12");
        Map<String, Object> body = vkComment(uniqueId());
        body.put("detectedAt", "2026-11-23T10:10:00+07:00");
        // an author of their own: an earlier message of the same author would make this one a repeat (MSG-20)
        body.put("authorId", "async-" + uniqueId());

        ResponseEntity<JsonNode> accepted = postLater(body);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getFirst("Preference-Applied")).isEqualTo("respond-async");
        long id = accepted.getBody().path("id").asLong();
        assertThat(accepted.getHeaders().getLocation().getPath()).isEqualTo("/api/messages/" + id);
        String businessKey = accepted.getBody().path("businessKey").asText();
        assertThat(businessKey).matches("zags-2026-\\d{6}");
        assertThat(accepted.getBody().path("status").asText()).isEqualTo("REGISTERED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
        assertThat(queued(id)).isEqualTo(1);

        // the same post again, either way: the entry, no second registration or start
        assertThat(postLater(body).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> again = rest.withBasicAuth("monitoring", "demo").postForEntity("/api/messages", body,
                JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("id").asLong()).isEqualTo(id);
        assertThat(queued(id)).isEqualTo(1);

        clockAt("2026-11-23T10:14");
        assertThat(starter.startPending(Duration.ofMinutes(1))).isGreaterThanOrEqualTo(1);
        assertThat(queued(id)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(MessageResponseProcess.TASK_CLASSIFY).count()).isEqualTo(1);
        JsonNode entry = rest.withBasicAuth("monitoring", "demo").getForObject("/api/messages/" + id, JsonNode.class);
        // MSG-8: 25 working minutes after the detection at 10:10, not after the start at 10:14
        assertThat(entry.path("deadlines").path("routing").asText()).isEqualTo("2026-11-23T10:35:00+07:00");
        // MSG-11: 6 h 50 on Monday, the remaining 1 h 10 from 09:00 on Tuesday
        assertThat(entry.path("deadlines").path("answer").asText()).isEqualTo("2026-11-24T10:10:00+07:00");

        // nothing left to start for it: a second pass starts no second case
        starter.startPending(Duration.ofMinutes(1));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("MSG-8: a start that fails stays queued with the reason and is tried again after a minute")
    void failedStartIsRetried() {
        clockAt("2026-11-24T11:00");
        Map<String, Object> body = vkComment(uniqueId());
        body.put("authorId", "async-" + uniqueId());
        ResponseEntity<JsonNode> accepted = postLater(body);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = accepted.getBody().path("id").asLong();
        String businessKey = accepted.getBody().path("businessKey").asText();

        // an administrator suspended the process in Cockpit: no case can start
        repository.suspendProcessDefinitionByKey(MessageResponseProcess.PROCESS_KEY);
        try {
            starter.startPending(Duration.ofMinutes(1));
        } finally {
            repository.activateProcessDefinitionByKey(MessageResponseProcess.PROCESS_KEY);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
        Map<String, Object> row = jdbc.queryForMap("SELECT attempts, last_failure FROM message_case_queue "
                + "WHERE message_id = ?", id);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_failure")).containsIgnoringCase("suspended");

        // not due again before a minute has passed
        starter.startPending(Duration.ofMinutes(1));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();
        clockAt("2026-11-24T11:01");
        starter.startPending(Duration.ofMinutes(1));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isEqualTo(1);
        assertThat(queued(id)).isZero();
    }

    @Test
    @DisplayName("MSG-8: a message another node is starting is passed over, not waited for, and stays queued if that start fails")
    void concurrentStarterPassesOver() throws Exception {
        clockAt("2026-11-25T11:00");
        List<JsonNode> accepted = postLater(3);
        long[] ids = accepted.stream().mapToLong(a -> a.path("id").asLong()).toArray();
        String[] keys = accepted.stream().map(a -> a.path("businessKey").asText()).toArray(String[]::new);
        // another node takes the first message and is still starting its case when this node polls
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch polled = new CountDownLatch(1);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        Future<Boolean> otherTake = otherNode.submit(() -> new TransactionTemplate(transactions).execute(status -> {
            boolean took = queue.take(ids[0]);
            taken.countDown();
            try {
                polled.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status.setRollbackOnly(); // its start fails
            return took;
        }));
        try {
            assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
            starter.startPending(Duration.ofMinutes(1));
        } finally {
            polled.countDown();
            otherNode.shutdown();
        }
        assertThat(otherTake.get(30, TimeUnit.SECONDS)).isTrue();

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(keys[1]).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(keys[2]).count()).isEqualTo(1);
        // passed over, neither started here nor counted as a failed attempt (no lock wait that timed out)
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(keys[0]).count()).isZero();
        Map<String, Object> row = jdbc.queryForMap("SELECT attempts, last_failure FROM message_case_queue "
                + "WHERE message_id = ?", ids[0]);
        assertThat(row.get("attempts")).isEqualTo(0);
        assertThat(row.get("last_failure")).isNull();
        // the other node rolled back: the next pass starts it
        starter.startPending(Duration.ofMinutes(1));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(keys[0]).count()).isEqualTo(1);
        assertThat(queued(ids[0])).isZero();
    }

    @Test
    @DisplayName("MSG-8: a node starts cases on its threads side by side (otklik.case-starts.threads)")
    void startsOnSeveralThreads() {
        clockAt("2026-11-26T11:00");
        List<JsonNode> accepted = postLater(2);
        long[] ids = accepted.stream().mapToLong(a -> a.path("id").asLong()).toArray();
        String[] keys = accepted.stream().map(a -> a.path("businessKey").asText()).toArray(String[]::new);
        // the first two starts of the pass wait for each other: they meet only if they run at the same time
        CyclicBarrier together = new CyclicBarrier(2);
        AtomicInteger starts = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        MessageProcess meeting = new MessageProcess(runtime, registry) {
            @Override
            public MessageEntry start(MessageEntry entry, String repeatOf) {
                if (starts.getAndIncrement() < 2) {
                    threads.add(Thread.currentThread().getName());
                    try {
                        together.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        throw new IllegalStateException("no other start ran alongside", e);
                    }
                }
                return super.start(entry, repeatOf);
            }
        };
        CaseStarter node = new CaseStarter(queue, registry, meeting, transactions, true, 2);
        try {
            assertThat(node.startPending(Duration.ofMinutes(1))).isGreaterThanOrEqualTo(2);
        } finally {
            node.destroy();
        }

        assertThat(threads).as("threads of the first two starts").hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(keys[i]).count()).isEqualTo(1);
            assertThat(queued(ids[i])).isZero();
        }
    }

    /** {@code count} reports of authors of their own (not repeats, MSG-20), each answered 202. */
    private List<JsonNode> postLater(int count) {
        List<JsonNode> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = vkComment(uniqueId());
            body.put("authorId", "async-" + uniqueId());
            ResponseEntity<JsonNode> answer = postLater(body);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            accepted.add(answer.getBody());
        }
        return accepted;
    }

    private ResponseEntity<JsonNode> postLater(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Prefer", "respond-async");
        return rest.withBasicAuth("monitoring", "demo").postForEntity("/api/messages", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private int queued(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message_case_queue WHERE message_id = ?", Integer.class, id);
    }
}
