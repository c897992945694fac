package ru.otklik.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
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
import ru.otklik.support.OtklikSpringTest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.otklik.account.AccountLifecycleProcess.*;
import static ru.otklik.account.AccountTesting.*;

/**
 * {@code AccountLifecycle}: creation with approval, set-up and the ACC-4 report, its term from the organization's
 * policy file, the late report, the recipient's consolidated registry, deletion and change. Expected due dates
 * are worked out by hand from the production calendar (src/main/resources/calendar) and the schedule Mon–Fri
 * 09:00–18:00 (Asia/Novokuznetsk, +07:00).
 */
@OtklikSpringTest
class AccountLifecycleTests {

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

    AccountTesting steps;

    @BeforeEach
    void steps() {
        steps = new AccountTesting(rest, tasks, management, identity);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Requests, approves and sets up an account; returns the case id with the report task open. */
    private String createdAndActive(String org, String network, String url, String createdOn) {
        JsonNode receipt = steps.requestCreation(org + "-accounts", creation(org, network, url, "Аккаунт " + unique()));
        String instance = receipt.path("processInstanceId").asText();
        steps.complete(org + "-registry", instance, TASK_REVIEW_REQUEST, approve());
        steps.complete(org + "-accounts", instance, TASK_SET_UP, setUp(url, createdOn));
        return instance;
    }

    private long accountId(String instance) {
        return ((Number) history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(VAR_ACCOUNT_ID).singleResult().getValue()).longValue();
    }

    @Test
    @DisplayName("ACC-1, ACC-2: POST /api/accounts → 201, planned entry, a zags case with the registry keepers' approval task")
    void creationRequest() {
        clockAt("2026-11-19T10:00");
        String url = "https://vk.com/zags_" + unique();

        JsonNode receipt = steps.requestCreation("zags-accounts", creation("zags", "VK", url, "ЗАГС Кузбасса"));

        assertThat(receipt.path("status").asText()).isEqualTo("PLANNED");
        assertThat(receipt.path("url").asText()).isEqualTo(url);
        String instance = receipt.path("processInstanceId").asText();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        assertThat(pi.getTenantId()).isEqualTo("zags");
        Task review = steps.task(instance, TASK_REVIEW_REQUEST);
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .contains("zags-registry-keepers");
        assertThat(runtime.getVariable(instance, VAR_REPORT_TERM_KIND)).isEqualTo("CALENDAR_DAYS");
        assertThat(runtime.getVariable(instance, VAR_REPORT_TERM_DAYS)).isEqualTo(10);
        Account account = registry.find(receipt.path("id").asLong()).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.PLANNED);
        assertThat(account.processInstanceId()).isEqualTo(instance);
        assertThat(registry.audit(account.id())).extracting(AccountAuditEvent::action).containsExactly("request");
    }

    @Test
    @DisplayName("ACC-4: zags, created Thursday 19.11.2026 → day 10 is Sunday 29.11 → report due Monday 30.11 24:00 (01.12 00:00+07)")
    void calendarTermEndingOnSundayMovesToMonday() {
        clockAt("2026-11-19T10:00");
        String url = "https://vk.com/zags_" + unique();

        String instance = createdAndActive("zags", "VK", url, "2026-11-19");

        long id = accountId(instance);
        Account account = registry.find(id).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.createdOn()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(account.textDescription()).isTrue();
        assertThat(account.designedVisuals()).isTrue();
        assertThat(account.administrators()).containsExactly("Иванова Мария Петровна", "zags-accounts");
        Instant due = OffsetDateTime.parse("2026-12-01T00:00:00+07:00").toInstant();
        Task report = steps.task(instance, TASK_REPORT);
        assertThat(report.getDueDate().toInstant()).isEqualTo(due);
        assertThat(steps.timer(instance, BOUNDARY_REPORT_OVERDUE).getDuedate().toInstant()).isEqualTo(due);
        AccountReport row = registry.reports(id).get(0);
        assertThat(row.kind()).isEqualTo(AccountReport.ReportKind.CREATED);
        assertThat(row.dueAt()).isEqualTo(due);
        assertThat(row.recipientOrganization()).isEqualTo("kuzbass-gov");
        assertThat(runtime.getVariable(instance, VAR_REPORT_DUE_TEXT)).isEqualTo("30.11.2026 24:00");
    }

    @Test
    @DisplayName("ACC-4: minzdrav, created Thursday 30.04.2026 → 3 working days across the May holidays: 4, 5, 6 May → due 06.05.2026 18:00")
    void workingDaysAcrossMayHolidays() {
        // 30.04 is a shortened pre-holiday day; 01.05 holiday, 02–03.05 weekend; working days 04.05, 05.05, 06.05.
        clockAt("2026-04-30T11:00");
        String url = "https://ok.ru/group/" + unique();

        String instance = createdAndActive("minzdrav", "OK", url, "2026-04-30");

        Instant due = OffsetDateTime.parse("2026-05-06T18:00:00+07:00").toInstant();
        assertThat(steps.task(instance, TASK_REPORT).getDueDate().toInstant()).isEqualTo(due);
        assertThat(steps.timer(instance, BOUNDARY_REPORT_OVERDUE).getDuedate().toInstant()).isEqualTo(due);
        assertThat(runtime.getVariable(instance, VAR_REPORT_RECIPIENT).toString()).contains("ЦУР Кузбасса");
        assertThat(runtime.getVariable(instance, VAR_RECIPIENT_IN_SYSTEM)).isEqualTo(false);

        // reported on Tuesday 05.05: in time; ЦУР keeps no registry here, so no recipient's case follows
        clockAt("2026-05-05T15:00");
        steps.complete("minzdrav-registry", instance, TASK_REPORT, Map.of("reportReference", "исх. № 12-345 от 05.05.2026"));
        steps.executeDueJobs(instance);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(END_REPORTED_OUTSIDE).count()).isEqualTo(1);
        AccountReport report = registry.reports(accountId(instance)).get(0);
        assertThat(report.late()).isFalse();
        assertThat(report.reference()).isEqualTo("исх. № 12-345 от 05.05.2026");
        assertThat(report.reportedBy()).isEqualTo("minzdrav-registry");
    }

    @Test
    @DisplayName("ACC-4, ACC-13: a report in time goes to the media directorate's Tasklist (tenant kuzbass-gov), which enters it in the consolidated registry")
    void reportReachesConsolidatedRegistry() {
        clockAt("2026-11-19T10:00");
        String url = "https://vk.com/zags_" + unique();
        String instance = createdAndActive("zags", "VK", url, "2026-11-19");
        long id = accountId(instance);

        clockAt("2026-11-25T12:00");
        steps.complete("zags-registry", instance, TASK_REPORT, Map.of());
        steps.executeDueJobs(instance);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        ProcessInstance recipient = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKeyLike("account-" + id + "-report-%").singleResult();
        assertThat(recipient.getTenantId()).isEqualTo("kuzbass-gov");
        Task enter = steps.task(recipient.getId(), TASK_ENTER_CONSOLIDATED);
        assertThat(enter.getTenantId()).isEqualTo("kuzbass-gov");
        assertThat(tasks.getIdentityLinksForTask(enter.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("kuzbass-gov-registry-keepers");
        assertThat(runtime.getVariable(recipient.getId(), VAR_REPORTING_ORGANIZATION_NAME)).isEqualTo("Управление ЗАГС Кузбасса");
        // zags staff do not see the directorate's task
        assertThat(steps.as("zags-registry", () -> tasks.createTaskQuery().taskId(enter.getId()).count())).isZero();

        steps.complete("kuzbass-gov-registry", recipient.getId(), TASK_ENTER_CONSOLIDATED, Map.of());

        Account account = registry.find(id).orElseThrow();
        assertThat(account.consolidatedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        AccountReport report = registry.reports(id).get(0);
        assertThat(report.late()).isFalse();
        assertThat(report.enteredBy()).isEqualTo("kuzbass-gov-registry");
        assertThat(registry.audit(id)).extracting(AccountAuditEvent::action)
                .containsSubsequence("request", "approval", "activation", "report", "consolidation");
        // ACC-13: the directorate reads every organization's accounts; another body does not
        assertThat(steps.get("kuzbass-gov-registry", "/api/accounts/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(steps.get("minzdrav-registry", "/api/accounts/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode detail = steps.get("zags-registry", "/api/accounts/" + id).getBody();
        assertThat(detail.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(detail.path("consolidatedOn").asText()).isEqualTo("2026-11-25");
        List<String> actions = StreamSupport.stream(detail.path("audit").spliterator(), false)
                .map(a -> a.path("action").asText()).toList();
        assertThat(actions).contains("request", "approval", "activation", "report", "consolidation");
        JsonNode activation = StreamSupport.stream(detail.path("audit").spliterator(), false)
                .filter(a -> a.path("action").asText().equals("activation")).findFirst().orElseThrow();
        assertThat(activation.path("oldValues").path("status").asText()).isEqualTo("PLANNED");
        assertThat(activation.path("newValues").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(activation.path("ruleId").asText()).isEqualTo("ACC-9");
    }

    @Test
    @DisplayName("ACC-4, part C: the report term passes → boundary timer escalates: late report, violation, notification; the task stays open")
    void lateReportEscalates() {
        clockAt("2026-11-19T10:00");
        String url = "https://vk.com/zags_" + unique();
        String instance = createdAndActive("zags", "VK", url, "2026-11-19");
        long id = accountId(instance);
        Job timer = steps.timer(instance, BOUNDARY_REPORT_OVERDUE);

        ClockUtil.setCurrentTime(Date.from(kuzbass("2026-12-01T00:00:01")));
        management.executeJob(timer.getId());

        AccountReport report = registry.reports(id).get(0);
        assertThat(report.late()).isTrue();
        assertThat(report.escalatedAt()).isEqualTo(kuzbass("2026-12-01T00:00:01"));
        List<AccountViolation> violations = registry.violations(id);
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).kind()).isEqualTo(AccountViolation.Kind.REPORT_OVERDUE);
        assertThat(violations.get(0).ruleId()).isEqualTo("ACC-4");
        assertThat(violations.get(0).responsible()).isEqualTo("zags-registry-keepers");
        assertThat(violations.get(0).dueAt()).isEqualTo(kuzbass("2026-12-01T00:00"));
        Map<String, Object> notification = jdbc.queryForMap(
                "SELECT organization_id, kind, recipients, subject, body, task_id FROM notification "
                        + "WHERE organization_id = 'zags' AND kind = 'DEADLINE_BREACHED' AND body LIKE ? ", "%" + url + "%");
        assertThat(notification.get("recipients").toString()).contains("group:zags-registry-keepers", "group:zags-head");
        assertThat(notification.get("body").toString()).contains("ACC-4", "30.11.2026 24:00");
        assertThat(notification.get("task_id")).isEqualTo(steps.task(instance, TASK_REPORT).getId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(END_REPORT_ESCALATED).finished().count()).isEqualTo(1);

        // the report comes two days late: recorded as late, the case goes on to the recipient
        clockAt("2026-12-03T10:00");
        steps.complete("zags-registry", instance, TASK_REPORT, Map.of());
        steps.executeDueJobs(instance);
        assertThat(registry.reports(id).get(0).late()).isTrue();
        assertThat(registry.reports(id).get(0).reportedAt()).isEqualTo(kuzbass("2026-12-03T10:00"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    @DisplayName("ACC-9: an account without text description or design is not activated; the set-up task stays open")
    void setUpNeedsDescriptionAndDesign() {
        clockAt("2026-11-19T10:00");
        String url = "https://vk.com/zags_" + unique();
        JsonNode receipt = steps.requestCreation("zags-accounts", creation("zags", "VK", url, "Без оформления"));
        String instance = receipt.path("processInstanceId").asText();
        steps.complete("zags-registry", instance, TASK_REVIEW_REQUEST, approve());
        Map<String, Object> form = new HashMap<>(setUp(url, "2026-11-19"));
        form.put("designedVisuals", false);

        assertThatThrownBy(() -> steps.complete("zags-accounts", instance, TASK_SET_UP, form))
                .hasMessageContaining("ACC-9");

        assertThat(steps.task(instance, TASK_SET_UP)).isNotNull();
        assertThat(registry.find(receipt.path("id").asLong()).orElseThrow().status()).isEqualTo(AccountStatus.PLANNED);
    }

    @Test
    @DisplayName("ACC-2: a rejection needs a reason; a rejected request leaves the entry rejected and frees its URL")
    void rejection() {
        clockAt("2026-11-19T10:00");
        Map<String, Object> body = creation("minsoc", "VK", "https://vk.com/minsoc_" + unique(), "Минсоц");
        JsonNode receipt = steps.requestCreation("minsoc-accounts", body);
        String instance = receipt.path("processInstanceId").asText();

        assertThatThrownBy(() -> steps.complete("minsoc-registry", instance, TASK_REVIEW_REQUEST,
                Map.of("decision", "REJECT"))).hasMessageContaining("причину");
        steps.complete("minsoc-registry", instance, TASK_REVIEW_REQUEST,
                Map.of("decision", "REJECT", "decisionComment", "Дублирует существующую группу"));

        Account account = registry.find(receipt.path("id").asLong()).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.REJECTED);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(END_REJECTED).count()).isEqualTo(1);
        assertThat(registry.audit(account.id())).extracting(AccountAuditEvent::action).contains("rejection");
        // the URL is free again
        steps.requestCreation("minsoc-accounts", body);
    }

    @Test
    @DisplayName("ACC-2: a request cancelled in Cockpit releases the account: the planned entry is rejected, its URL free")
    void cancelledRequest() {
        clockAt("2026-11-19T10:00");
        Map<String, Object> body = creation("zags", "OK", "https://ok.ru/cancel" + unique(), "Отменённый");
        JsonNode receipt = steps.requestCreation("zags-accounts", body);

        runtime.deleteProcessInstance(receipt.path("processInstanceId").asText(), "Заявка отозвана");

        Account account = registry.find(receipt.path("id").asLong()).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.REJECTED);
        assertThat(account.pendingRequest()).isNull();
        assertThat(registry.audit(account.id())).extracting(AccountAuditEvent::action).contains("cancellation");
        steps.requestCreation("zags-accounts", body);
    }

    @Test
    @DisplayName("ACC-4: the government itself (kuzbass-gov) reports to nobody: the case ends when the account is active")
    void recipientReportsToNobody() {
        clockAt("2026-11-19T10:00");
        String url = "https://vk.com/kuzbass_" + unique();

        String instance = createdAndActive("kuzbass-gov", "VK", url, "2026-11-19");

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(END_NO_REPORT).count()).isEqualTo(1);
        assertThat(registry.reports(accountId(instance))).isEmpty();
    }

    @Test
    @DisplayName("ACC-4, ACC-16: deletion — approved, deleted on 19.11.2026, leaves the public registry, report due 30.11 24:00")
    void deletion() {
        clockAt("2026-11-19T09:00");
        String url = "https://vk.com/zags_" + unique();
        String creation = createdAndActive("zags", "VK", url, "2026-11-02");
        long id = accountId(creation);
        steps.complete("zags-registry", creation, TASK_REPORT, Map.of());
        steps.executeDueJobs(creation);
        assertThat(publicUrls()).contains(url);

        ResponseEntity<JsonNode> requested = steps.post("zags-accounts", "/api/accounts/" + id + "/deletion",
                Map.of("reason", "Аккаунт больше не ведётся"));
        assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String instance = requested.getBody().path("processInstanceId").asText();
        assertThat(requested.getBody().path("pendingRequest").asText()).isEqualTo("DELETE");
        // one request at a time
        assertThat(steps.post("zags-accounts", "/api/accounts/" + id + "/deletion", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        steps.complete("zags-registry", instance, TASK_REVIEW_REQUEST, approve());
        steps.complete("zags-accounts", instance, TASK_DELETE, Map.of("deletedOn", "2026-11-19"));

        Account account = registry.find(id).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.DELETED);
        assertThat(account.deletedOn()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(account.pendingRequest()).isNull();
        assertThat(publicUrls()).doesNotContain(url);
        AccountReport report = registry.reports(id).get(1);
        assertThat(report.kind()).isEqualTo(AccountReport.ReportKind.DELETED);
        assertThat(report.dueAt()).isEqualTo(kuzbass("2026-12-01T00:00"));
        assertThat(steps.task(instance, TASK_REPORT).getDueDate().toInstant()).isEqualTo(kuzbass("2026-12-01T00:00"));
        assertThat(registry.audit(id)).extracting(AccountAuditEvent::action)
                .containsSubsequence("deletion-request", "approval", "deletion");
        // the URL may be registered anew
        steps.requestCreation("zags-accounts", creation("zags", "VK", url, "Новый аккаунт"));
    }

    @Test
    @DisplayName("ACC-14: change of details (name, administrators) — audited with old and new values, shown publicly, passed to the media directorate")
    void changeOfDetails() {
        clockAt("2026-11-19T09:00");
        String url = "https://vk.com/zags_" + unique();
        String creation = createdAndActive("zags", "VK", url, "2026-11-19");
        long id = accountId(creation);

        ResponseEntity<JsonNode> requested = steps.post("zags-registry", "/api/accounts/" + id + "/changes",
                Map.of("displayName", "ЗАГС Кузбасса — официально", "administrators", List.of("Петров П. П."),
                        "reason", "Переименование"));
        assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String instance = requested.getBody().path("processInstanceId").asText();
        assertThat(runtime.getVariable(instance, VAR_CHANGE_SUMMARY).toString())
                .contains("Название", "ЗАГС Кузбасса — официально", "Петров П. П.");
        steps.complete("zags-registry", instance, TASK_REVIEW_REQUEST, approve());
        steps.complete("zags-accounts", instance, TASK_CHANGE, Map.of());
        steps.executeDueJobs(instance);

        Account account = registry.find(id).orElseThrow();
        assertThat(account.displayName()).isEqualTo("ЗАГС Кузбасса — официально");
        assertThat(account.administrators()).containsExactly("Петров П. П.");
        AccountAuditEvent change = registry.audit(id).stream().filter(e -> e.action().equals("change")).findFirst()
                .orElseThrow();
        assertThat(change.ruleId()).isEqualTo("ACC-14");
        assertThat(change.oldValues()).contains("\"displayName\"");
        assertThat(change.newValues()).contains("ЗАГС Кузбасса — официально");
        assertThat(publicNames()).contains("ЗАГС Кузбасса — официально");
        AccountReport report = registry.reports(id).stream()
                .filter(r -> r.kind() == AccountReport.ReportKind.CHANGED).findFirst().orElseThrow();
        assertThat(report.dueAt()).isNull();
        assertThat(report.recipientProcessInstanceId()).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(report.recipientProcessInstanceId())
                .singleResult().getTenantId()).isEqualTo("kuzbass-gov");
    }

    @Test
    @DisplayName("ACC-1, ACC-2: a start from Tasklist is checked like a REST request; a user cannot start one for another organization")
    void tasklistStart() {
        clockAt("2026-11-19T10:00");
        String url = "https://ok.ru/zags" + unique();
        Map<String, Object> form = Map.of("requestKind", "CREATE", "network", "OK", "url", url,
                "displayName", "ЗАГС в Одноклассниках");

        String instance = steps.as("zags-accounts", () ->
                runtime.createProcessInstanceByKey(PROCESS_KEY).processDefinitionWithoutTenantId()
                        .setVariables(form).execute().getId());

        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        assertThat(pi.getTenantId()).isEqualTo("zags");
        Account account = registry.find(accountId(instance)).orElseThrow();
        assertThat(account.registeredBy()).isEqualTo("zags-accounts");
        assertThat(account.status()).isEqualTo(AccountStatus.PLANNED);

        // ACC-1 in Tasklist: ZAGS keeps no blog
        Map<String, Object> blog = Map.of("requestKind", "CREATE", "network", "BLOG", "url", "https://zags.example.ru/blog",
                "displayName", "Блог");
        assertThatThrownBy(() -> steps.as("zags-accounts", () -> runtime.createProcessInstanceByKey(PROCESS_KEY)
                .processDefinitionWithoutTenantId().setVariables(blog).execute())).hasMessageContaining("ACC-1");
        // a zags user naming minzdrav as the organization is refused by the engine
        Map<String, Object> foreign = new HashMap<>(form);
        foreign.put("organization", "minzdrav");
        foreign.put("url", "https://ok.ru/foreign" + unique());
        assertThatThrownBy(() -> steps.as("zags-accounts", () -> runtime.createProcessInstanceByKey(PROCESS_KEY)
                .processDefinitionWithoutTenantId().setVariables(foreign).execute()))
                .hasMessageContaining("не может начать дело организации minzdrav");
    }

    private List<String> publicUrls() {
        JsonNode accounts = rest.getForObject("/api/registry/accounts?org=zags", JsonNode.class);
        return StreamSupport.stream(accounts.spliterator(), false).map(a -> a.path("url").asText()).toList();
    }

    private List<String> publicNames() {
        JsonNode accounts = rest.getForObject("/api/registry/accounts?org=zags", JsonNode.class);
        return StreamSupport.stream(accounts.spliterator(), false).map(a -> a.path("displayName").asText()).toList();
    }
}
