package ru.otklik.content.plan;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.account.AccountRegistry;
import ru.otklik.content.ContentTesting;
import ru.otklik.content.publication.NewPublication;
import ru.otklik.content.publication.PublicationLog;
import ru.otklik.support.OtklikSpringTest;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.content.ContentTesting.*;
import static ru.otklik.content.plan.ContentPlanItemProcess.*;

/**
 * The content plan (ACC-6) and {@code ContentPlanItem}: the reminder one working hour before the planned time
 * (schedule Mon–Fri 09:00–13:00, 14:00–18:00, Asia/Novokuznetsk), an item done by a matching publication.
 */
@OtklikSpringTest
class ContentPlanTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRegistry registry;
    @Autowired
    ContentPlan plan;
    @Autowired
    PublicationLog log;

    ContentTesting steps;

    @BeforeEach
    void steps() {
        steps = new ContentTesting(tasks, identity);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Map<String, Object> item(long account, String plannedAt, String topic, String format) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", account);
        body.put("plannedAt", plannedAt);
        body.put("topic", topic);
        body.put("format", format);
        body.put("responsible", "zags-accounts");
        return body;
    }

    Job reminder(String instance) {
        Job job = management.createJobQuery().processInstanceId(instance).activityId(TIMER_REMINDER).timers()
                .singleResult();
        assertThat(job).isNotNull();
        return job;
    }

    @Test
    @DisplayName("ACC-6: POST /api/content-plan, planned Monday 23.11.2026 09:30 → reminder 1 working hour before: Friday 20.11 17:30+07:00 → task for the responsible person")
    void reminderOneWorkingHourBefore() {
        clockAt("2026-11-19T10:00");
        long account = activeAccount(registry, "zags", "zags_" + unique());

        ResponseEntity<JsonNode> created = rest.withBasicAuth("zags-accounts", "demo").postForEntity("/api/content-plan",
                item(account, "2026-11-23T09:30", "Выездная регистрация", "VIDEO"), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("status").asText()).isEqualTo("PLANNED");
        long id = created.getBody().path("id").asLong();
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM content_plan_item WHERE id = ?",
                String.class, id);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getTenantId())
                .isEqualTo("zags");
        assertThat(reminder(instance).getDuedate().toInstant()).isEqualTo(kuzbass("2026-11-20T17:30"));

        clockAt("2026-11-20T17:31");
        management.executeJob(reminder(instance).getId());

        Task task = steps.task(instance, TASK_PUBLISH);
        assertThat(task.getAssignee()).isEqualTo("zags-accounts");
        assertThat(task.getDueDate().toInstant()).isEqualTo(kuzbass("2026-11-23T09:30"));
        assertThat(runtime.getVariable(instance, VAR_PLANNED_AT_TEXT)).isEqualTo("23.11.2026 09:30");
        steps.complete("zags-accounts", instance, TASK_PUBLISH, Map.of("published", true));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(END_REMINDED)
                .finished().count()).isEqualTo(1);

        JsonNode list = rest.withBasicAuth("zags-accounts", "demo")
                .getForObject("/api/content-plan?org=zags&account=" + account + "&from=2026-11-23&to=2026-11-23", JsonNode.class);
        assertThat(list).hasSize(1);
    }

    @Test
    @DisplayName("ACC-6: a publication of the same account and day with the same format marks the item done; the reminder then ends without a task")
    void matchingPublicationCompletesTheItem() {
        clockAt("2026-11-19T10:00");
        long account = activeAccount(registry, "zags", "zags_" + unique());
        PlanItem planned = plan.plan(new NewPlanItem(account, "2026-11-24T15:00", "Семейные традиции", "POLL",
                "zags-accounts"), accountManager("zags"));

        clockAt("2026-11-24T12:00");
        log.record(new NewPublication(account, "2026-11-24T11:55", null, null, "POLL",
                "https://vk.com/wall-1_" + unique(), "Опрос о традициях"), accountManager("zags"), PublicationLog.SOURCE_API);

        PlanItem done = plan.find(planned.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(PlanItemStatus.DONE);
        assertThat(done.publicationId()).isNotNull();
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM content_plan_item WHERE id = ?",
                String.class, planned.id());
        assertThat(reminder(instance).getDuedate().toInstant()).isEqualTo(kuzbass("2026-11-24T14:00"));
        clockAt("2026-11-24T14:00");
        management.executeJob(reminder(instance).getId());
        assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(END_ALREADY_PUBLISHED).finished().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-6: a body without a content plan (minzdrav), an unknown responsible, a bad format or a past time → 400 naming the field, nothing stored")
    void validation() {
        clockAt("2026-11-19T10:00");
        long zags = activeAccount(registry, "zags", "zags_" + unique());
        long minzdrav = activeAccount(registry, "minzdrav", "mz_" + unique());
        Map<String, Object> unknownResponsible = item(zags, "2026-11-23T09:30", "Тема", "TEXT");
        unknownResponsible.put("responsible", "nkr-accounts");
        record Case(String user, String field, Map<String, Object> body) {
        }
        for (Case c : new Case[]{
                new Case("minzdrav-accounts", "account", item(minzdrav, "2026-11-23T09:30", "Тема", "TEXT")),
                new Case("zags-accounts", "responsible", unknownResponsible),
                new Case("zags-accounts", "format", item(zags, "2026-11-23T09:30", "Тема", "PODCAST")),
                new Case("zags-accounts", "plannedAt", item(zags, "2026-11-18T09:30", "Тема", "TEXT")),
                new Case("zags-accounts", "topic", item(zags, "2026-11-23T09:30", " ", "TEXT"))}) {
            ResponseEntity<JsonNode> response = rest.withBasicAuth(c.user(), "demo")
                    .postForEntity("/api/content-plan", c.body(), JsonNode.class);
            assertThat(response.getStatusCode()).as(c.field()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().toString()).as(c.field()).contains(c.field());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_plan_item WHERE account_id IN (?, ?)",
                Integer.class, zags, minzdrav)).isZero();
    }
}
