package ru.otklik.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikSpringTest;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The series on {@code /actuator/prometheus} and the business key in the logs of a case's code. */
@OtklikSpringTest
class ObservabilityTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RegistryMetrics registryMetrics;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Intake outcomes, open messages by step and the lag of a fired timer appear on /actuator/prometheus (admins only)")
    void prometheusSeries() {
        registryMetrics.refresh();
        String before = scrape();
        String externalId = "obs-" + UUID.randomUUID().toString().substring(0, 12);

        assertThat(report(vkComment(externalId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(report(vkComment(externalId)).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> invalid = vkComment("obs-" + UUID.randomUUID());
        invalid.put("url", "vk.com/no-scheme");
        assertThat(report(invalid).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        registryMetrics.refresh();
        String after = scrape();

        assertThat(value(after, "otklik_intake_total", "organization", "zags", "network", "VK", "outcome", "accepted")
                - value(before, "otklik_intake_total", "organization", "zags", "network", "VK", "outcome", "accepted"))
                .isEqualTo(1.0);
        assertThat(value(after, "otklik_intake_total", "organization", "zags", "network", "VK", "outcome", "duplicate")
                - value(before, "otklik_intake_total", "organization", "zags", "network", "VK", "outcome", "duplicate"))
                .isEqualTo(1.0);
        assertThat(value(after, "otklik_intake_total", "organization", "zags", "network", "VK", "outcome", "refused")
                - value(before, "otklik_intake_total", "organization", "zags", "network", "VK", "outcome", "refused"))
                .isEqualTo(1.0);
        long routing = jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE organization_id = 'zags' "
                + "AND status = 'ROUTING'", Long.class);
        assertThat(value(after, "otklik_messages_open", "organization", "zags", "step", "ROUTING")).isEqualTo(routing);
        assertThat(value(after, "otklik_messages_open", "organization", "zags", "step", "ROUTING")
                - value(before, "otklik_messages_open", "organization", "zags", "step", "ROUTING")).isEqualTo(1.0);
        assertThat(after).contains("otklik_messages_overdue{organization=\"zags\"}");

        // the case's first timer fires 90 seconds late
        String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM message WHERE external_id = ?",
                String.class, externalId);
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().orderByJobDuedate().asc()
                .list().get(0);
        String activity = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
                .singleResult().getActivityId();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 90_000));
        management.executeJob(timer.getId());
        String fired = scrape();

        String[] labels = {"activity", activity, "organization", "zags", "process", "MessageResponse"};
        assertThat(value(fired, "otklik_timer_lag_seconds_count", labels)
                - value(after, "otklik_timer_lag_seconds_count", labels)).isEqualTo(1.0);
        assertThat(value(fired, "otklik_timer_lag_seconds_sum", labels)
                - value(after, "otklik_timer_lag_seconds_sum", labels)).isEqualTo(90.0);

        assertThat(rest.withBasicAuth("zags-specialist", "demo").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @DisplayName("Log lines written while a case's timer runs carry its business key, organization and process instance")
    void businessKeyInLogs() {
        String externalId = "obs-" + UUID.randomUUID().toString().substring(0, 12);
        ResponseEntity<JsonNode> created = report(vkComment(externalId));
        String businessKey = created.getBody().get("businessKey").asText();
        String processInstanceId = jdbc.queryForObject("SELECT process_instance_id FROM message WHERE external_id = ?",
                String.class, externalId);
        // MSG-8: the routing deadline passes; the escalation (an asynchronous service task) records and logs it
        Job timer = management.createJobQuery().processInstanceId(processInstanceId)
                .activityId("BoundaryEvent_RoutingOverdue").singleResult();
        ClockUtil.setCurrentTime(timer.getDuedate());
        List<ILoggingEvent> logged = logsOf(() -> {
            management.executeJob(timer.getId());
            management.createJobQuery().processInstanceId(processInstanceId).messages().list()
                    .forEach(job -> management.executeJob(job.getId()));
        });

        assertThat(logged).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("breached").contains(businessKey));
        // every line this thread wrote meanwhile (others, such as the mail scheduler, run no case)
        assertThat(logged).filteredOn(event -> event.getThreadName().equals(Thread.currentThread().getName()))
                .isNotEmpty().allSatisfy(event -> assertThat(event.getMDCPropertyMap())
                .containsEntry("businessKey", businessKey)
                .containsEntry("organization", "zags")
                .containsEntry("processInstanceId", processInstanceId));
    }

    @Test
    @DisplayName("Log lines of an API request carry its request id (taken from X-Request-Id and echoed) and the user")
    void requestIdInLogs() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Request-Id", "obs-request-42");
        AtomicReference<ResponseEntity<JsonNode>> answer = new AtomicReference<>();
        List<ILoggingEvent> logged = logsOf(() -> answer.set(rest.withBasicAuth("monitoring", "demo").exchange(
                "/api/messages", HttpMethod.POST,
                new HttpEntity<>(vkComment("obs-" + UUID.randomUUID().toString().substring(0, 12)), headers),
                JsonNode.class)));
        ResponseEntity<JsonNode> response = answer.get();

        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("obs-request-42");
        assertThat(logged).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(response.getBody().get("businessKey").asText());
            assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "obs-request-42")
                    .containsEntry("user", "monitoring");
        });
    }

    // ---- helpers ----

    /** What the application's loggers ({@code ru.otklik.*}) wrote while {@code action} ran. */
    private static List<ILoggingEvent> logsOf(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger("ru.otklik");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            action.run();
        } finally {
            logger.detachAppender(captured);
        }
        return captured.list;
    }

    private ResponseEntity<JsonNode> report(Map<String, Object> body) {
        return rest.withBasicAuth("monitoring", "demo").postForEntity("/api/messages", body, JsonNode.class);
    }

    private static Map<String, Object> vkComment(String externalId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org", "zags");
        body.put("network", "VK");
        body.put("externalId", externalId);
        body.put("url", "https://vk.com/" + externalId);
        body.put("authorName", "Наблюдаемый Автор");
        body.put("authorId", "id-" + externalId);
        body.put("text", "Когда заработает запись через Госуслуги?");
        body.put("topic", "Запись на регистрацию");
        return body;
    }

    private String scrape() {
        ResponseEntity<String> response = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus",
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The sample of {@code name} with these labels (name, value, …), 0 when the series is absent. */
    private static double value(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            Matcher sample = Pattern.compile("} (\\S+)").matcher(line);
            if (all && sample.find()) {
                return Double.parseDouble(sample.group(1));
            }
        }
        return 0;
    }
}
