package ru.otklik.content.approval;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import ru.otklik.content.ContentTesting;
import ru.otklik.support.OtklikSpringTest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.otklik.content.ContentTesting.*;
import static ru.otklik.content.approval.ContentApprovalProcess.*;

/**
 * {@code ContentApproval} (ACC-15): ЦУР Кузбасса's operational content within 4 calendar hours, special projects
 * within 3 working days, remarks only from the head, the second round, late answers, information requests.
 * Expected due dates are worked out by hand from src/main/resources/calendar/ru-production-calendar.csv and the
 * minzdrav schedule Mon–Fri 09:00–13:00, 14:00–18:00 (Asia/Novokuznetsk, +07:00).
 */
@OtklikSpringTest
class ContentApprovalProcessTests {

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
    ContentApprovals approvals;

    ContentTesting steps;

    @BeforeEach
    void steps() {
        steps = new ContentTesting(tasks, identity);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ContentApprovals.Receipt submit(String kind, String content, Boolean urgent) {
        return approvals.submit(new NewContentApproval("minzdrav", kind, "Материал " + unique(), content, urgent),
                accountManager("minzdrav"));
    }

    Job timer(String instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance).activityId(activityId).timers().singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    @DisplayName("ACC-15: operational content submitted Friday 20.11.2026 16:00 → due Friday 20:00 (calendar hours, PT4H); agreed by an account manager")
    void operationalWithinFourCalendarHours() {
        clockAt("2026-11-20T16:00");

        ContentApprovals.Receipt receipt = submit("OPERATIONAL", "Приглашаем на день донора в субботу.", null);

        String instance = receipt.processInstanceId();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getTenantId())
                .isEqualTo("minzdrav");
        Task review = steps.task(instance, TASK_REVIEW);
        assertThat(review.getDueDate().toInstant()).isEqualTo(at("2026-11-20T20:00:00+07:00"));
        assertThat(timer(instance, BOUNDARY_REVIEW_OVERDUE).getDuedate().toInstant())
                .isEqualTo(at("2026-11-20T20:00:00+07:00"));
        assertThat(receipt.dueAt()).isEqualTo(at("2026-11-20T20:00:00+07:00"));
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .contains("minzdrav-account-managers", "minzdrav-head");

        clockAt("2026-11-20T17:30");
        steps.complete("minzdrav-accounts", instance, TASK_REVIEW, Map.of(VAR_DECISION, DECISION_AGREED));

        ContentApproval approval = approvals.find(receipt.id()).orElseThrow();
        assertThat(approval.status()).isEqualTo("AGREED");
        assertThat(approval.late()).isFalse();
        assertThat(approval.decidedBy()).isEqualTo("minzdrav-accounts");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(END_AGREED)
                .finished().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-15: special project submitted Thursday 30.04.2026 10:00 → 1.05 holiday, 2–3.05 weekend → working days 4, 5, 6 May → due 06.05.2026 18:00+07:00")
    void specialProjectWithinThreeWorkingDays() {
        clockAt("2026-04-30T10:00");

        ContentApprovals.Receipt receipt = submit("SPECIAL_PROJECT", "Спецпроект о профилактике гриппа.", null);

        assertThat(steps.task(receipt.processInstanceId(), TASK_REVIEW).getDueDate().toInstant())
                .isEqualTo(at("2026-05-06T18:00:00+07:00"));
        assertThat(timer(receipt.processInstanceId(), BOUNDARY_REVIEW_OVERDUE).getDuedate().toInstant())
                .isEqualTo(at("2026-05-06T18:00:00+07:00"));
        assertThat(approvals.find(receipt.id()).orElseThrow().dueAt()).isEqualTo(at("2026-05-06T18:00:00+07:00"));
    }

    @Test
    @DisplayName("ACC-15: remarks only from the head (account manager refused); one consolidated list → ЦУР's revision → round 2 with a new 4-hour term → agreed")
    void remarksRoundOnlyFromTheHead() {
        clockAt("2026-11-19T10:00");
        ContentApprovals.Receipt receipt = submit("OPERATIONAL", "Первая версия текста.", null);
        String instance = receipt.processInstanceId();

        Map<String, Object> remarks = Map.of(VAR_DECISION, DECISION_REMARKS, VAR_REMARKS,
                "1. Уточнить адреса пунктов вакцинации.\n2. Убрать канцелярит во втором абзаце.");
        assertThatThrownBy(() -> steps.complete("minzdrav-accounts", instance, TASK_REVIEW, remarks))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("только руководитель");
        Task review = steps.task(instance, TASK_REVIEW);
        tasks.setAssignee(review.getId(), null);
        assertThatThrownBy(() -> steps.complete("minzdrav-head", instance, TASK_REVIEW,
                Map.of(VAR_DECISION, DECISION_REMARKS, VAR_REMARKS, " ")))
                .hasMessageContaining("одним документом");
        tasks.setAssignee(review.getId(), null);

        clockAt("2026-11-19T11:00");
        steps.complete("minzdrav-head", instance, TASK_REVIEW, remarks);

        ContentApproval afterRemarks = approvals.find(receipt.id()).orElseThrow();
        assertThat(afterRemarks.status()).isEqualTo("REMARKS");
        assertThat(afterRemarks.remarks()).contains("1. Уточнить адреса", "2. Убрать канцелярит");
        assertThat(afterRemarks.decidedBy()).isEqualTo("minzdrav-head");
        Task revise = steps.task(instance, TASK_REVISE);
        assertThat(tasks.getIdentityLinksForTask(revise.getId())).extracting(IdentityLink::getGroupId)
                .contains("minzdrav-account-managers");

        clockAt("2026-11-19T15:30");
        steps.complete("minzdrav-accounts", instance, TASK_REVISE, Map.of(VAR_REVISED_CONTENT, "Вторая версия текста."));

        Task second = steps.task(instance, TASK_REVIEW);
        assertThat(second.getDueDate().toInstant()).isEqualTo(at("2026-11-19T19:30:00+07:00"));
        assertThat(runtime.getVariable(instance, VAR_ROUND)).isEqualTo(2);
        ContentApproval round2 = approvals.find(receipt.id()).orElseThrow();
        assertThat(round2.round()).isEqualTo(2);
        assertThat(round2.content()).isEqualTo("Вторая версия текста.");
        assertThat(round2.dueAt()).isEqualTo(at("2026-11-19T19:30:00+07:00"));

        steps.complete("minzdrav-accounts", instance, TASK_REVIEW, Map.of(VAR_DECISION, DECISION_AGREED));
        assertThat(approvals.find(receipt.id()).orElseThrow().status()).isEqualTo("AGREED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    @DisplayName("ACC-15: no answer by 14:00 to operational content of 10:00 → escalation: violation recorded, head and account managers notified; the late answer is marked late")
    void lateAnswerEscalates() {
        clockAt("2026-11-20T10:00");
        ContentApprovals.Receipt receipt = submit("OPERATIONAL", "Срочная новость о работе поликлиник.", null);
        String instance = receipt.processInstanceId();
        Task review = steps.task(instance, TASK_REVIEW);
        steps.as("minzdrav-accounts", () -> {
            tasks.claim(review.getId(), "minzdrav-accounts");
            return null;
        });

        clockAt("2026-11-20T14:01");
        management.executeJob(timer(instance, BOUNDARY_REVIEW_OVERDUE).getId());

        var violations = approvals.violations(receipt.id());
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).get("RULE_ID")).isEqualTo("ACC-15");
        assertThat(violations.get(0).get("RESPONSIBLE")).isEqualTo("minzdrav-accounts");
        assertThat((String) violations.get(0).get("DESCRIPTION")).contains("срок истёк 20.11.2026 14:00");
        String recipients = jdbc.queryForObject("SELECT recipients FROM notification WHERE organization_id = 'minzdrav' "
                + "AND task_id = ? AND kind = 'DEADLINE_BREACHED'", String.class, review.getId());
        assertThat(recipients).contains("group:minzdrav-head", "group:minzdrav-account-managers", "user:minzdrav-accounts");
        assertThat(steps.task(instance, TASK_REVIEW).getId()).as("the task stays open").isEqualTo(review.getId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(END_REVIEW_VIOLATION).finished().count()).isEqualTo(1);

        clockAt("2026-11-20T14:30");
        steps.as("minzdrav-accounts", () -> {
            tasks.complete(review.getId(), Map.of(VAR_DECISION, DECISION_AGREED));
            return null;
        });
        ContentApproval approval = approvals.find(receipt.id()).orElseThrow();
        assertThat(approval.status()).isEqualTo("AGREED");
        assertThat(approval.late()).isTrue();
    }

    @Test
    @DisplayName("ACC-11, ACC-15: the approval form shows the style check's summary and warnings")
    void styleWarningsInTheForm() {
        clockAt("2026-11-20T10:00");
        ContentApprovals.Receipt receipt = submit("OPERATIONAL",
                "В целях осуществления данного мероприятия министерством здравоохранения проводится работа.", null);

        Map<String, Object> variables = runtime.getVariables(receipt.processInstanceId());
        assertThat((String) variables.get(VAR_STYLE_SUMMARY)).isNotBlank().isEqualTo(receipt.styleSummary());
        assertThat((String) variables.get(VAR_STYLE_WARNINGS)).startsWith("• ").contains("данного");
    }

    @Test
    @DisplayName("ACC-15: ЦУР's urgent information request Friday 16:00 → due 20:00; a non-urgent one on 30.04.2026 → 06.05.2026 18:00+07:00; the answer is stored")
    void informationRequest() {
        clockAt("2026-11-20T16:00");
        ContentApprovals.Receipt urgent = submit("INFORMATION_REQUEST", "Число прививок за неделю по районам.", true);

        Task supply = steps.task(urgent.processInstanceId(), TASK_SUPPLY);
        assertThat(supply.getDueDate().toInstant()).isEqualTo(at("2026-11-20T20:00:00+07:00"));
        assertThat(timer(urgent.processInstanceId(), BOUNDARY_SUPPLY_OVERDUE).getDuedate().toInstant())
                .isEqualTo(at("2026-11-20T20:00:00+07:00"));
        assertThatThrownBy(() -> steps.complete("minzdrav-accounts", urgent.processInstanceId(), TASK_SUPPLY, Map.of()))
                .hasMessageContaining("информацию");
        tasks.setAssignee(supply.getId(), null);
        steps.complete("minzdrav-accounts", urgent.processInstanceId(), TASK_SUPPLY,
                Map.of(VAR_ANSWER, "За неделю сделано 12 340 прививок."));
        ContentApproval answered = approvals.find(urgent.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo("ANSWERED");
        assertThat(answered.answer()).isEqualTo("За неделю сделано 12 340 прививок.");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(urgent.processInstanceId())
                .activityId(END_SUPPLIED).finished().count()).isEqualTo(1);

        clockAt("2026-04-30T10:00");
        ContentApprovals.Receipt ordinary = submit("INFORMATION_REQUEST", "Планы на май.", false);
        assertThat(steps.task(ordinary.processInstanceId(), TASK_SUPPLY).getDueDate().toInstant())
                .isEqualTo(at("2026-05-06T18:00:00+07:00"));
    }

    @Test
    @DisplayName("ACC-15: information not supplied in 3 working days (request Monday 23.11.2026 11:00 → due Thursday 26.11 18:00) → violation recorded and notified")
    void informationOverdue() {
        clockAt("2026-11-23T11:00");
        ContentApprovals.Receipt request = submit("INFORMATION_REQUEST", "Сведения о диспансеризации.", false);
        String instance = request.processInstanceId();
        Job timer = timer(instance, BOUNDARY_SUPPLY_OVERDUE);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(at("2026-11-26T18:00:00+07:00"));

        clockAt("2026-11-26T18:01");
        management.executeJob(timer.getId());

        var violations = approvals.violations(request.id());
        assertThat(violations).hasSize(1);
        assertThat((String) violations.get(0).get("DESCRIPTION"))
                .startsWith("Не предоставлена информация по запросу ЦУР Кузбасса").contains("26.11.2026 18:00");
        assertThat(violations.get(0).get("RESPONSIBLE")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE organization_id = 'minzdrav' AND task_id = ?",
                Integer.class, steps.task(instance, TASK_SUPPLY).getId())).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(END_SUPPLY_VIOLATION).finished().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-15: start form in Tasklist — minzdrav's account manager enters a special project in the ministry's tenant; zags' account manager is refused")
    void tasklistStart() {
        clockAt("2026-11-23T10:00");
        Map<String, Object> form = Map.of(VAR_KIND, "SPECIAL_PROJECT", VAR_TITLE, "Спецпроект " + unique(),
                VAR_CONTENT, "Текст спецпроекта о здоровом питании.");

        String instance = steps.as("minzdrav-accounts", () -> runtime.startProcessInstanceByKey(PROCESS_KEY, form).getId());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getTenantId())
                .isEqualTo("minzdrav");
        // Monday 23.11 → 24, 25, 26 November → Thursday 26.11.2026 18:00+07:00
        assertThat(steps.task(instance, TASK_REVIEW).getDueDate().toInstant()).isEqualTo(at("2026-11-26T18:00:00+07:00"));
        long id = ((Number) runtime.getVariable(instance, VAR_APPROVAL_ID)).longValue();
        assertThat(approvals.find(id).orElseThrow().submittedBy()).isEqualTo("minzdrav-accounts");

        assertThatThrownBy(() -> steps.as("zags-accounts", () -> runtime.startProcessInstanceByKey(PROCESS_KEY, form)))
                .hasMessageContaining("не предусмотрено");
    }

    @Test
    @DisplayName("ACC-15: POST /api/content-approvals by minzdrav's account manager → 201; zags (no ЦУР approval) → 400 on org; no kind → 400 on kind")
    void rest() {
        clockAt("2026-11-20T10:00");
        Map<String, Object> body = Map.of("org", "minzdrav", "kind", "OPERATIONAL", "title", "Новость " + unique(),
                "content", "Короткая новость.");

        ResponseEntity<JsonNode> created = rest.withBasicAuth("minzdrav-accounts", "demo")
                .postForEntity("/api/content-approvals", body, JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("dueAt").asText()).isEqualTo("2026-11-20T07:00:00Z");
        long id = created.getBody().path("id").asLong();
        assertThat(rest.withBasicAuth("minzdrav-accounts", "demo")
                .getForObject("/api/content-approvals/" + id, JsonNode.class).path("status").asText()).isEqualTo("IN_REVIEW");

        ResponseEntity<JsonNode> zags = rest.withBasicAuth("zags-accounts", "demo").postForEntity("/api/content-approvals",
                Map.of("org", "zags", "kind", "OPERATIONAL", "title", "Т", "content", "Текст"), JsonNode.class);
        assertThat(zags.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(zags.getBody().toString()).contains("org");

        int before = jdbc.queryForObject("SELECT COUNT(*) FROM content_approval", Integer.class);
        ResponseEntity<JsonNode> noKind = rest.withBasicAuth("minzdrav-accounts", "demo").postForEntity(
                "/api/content-approvals", Map.of("org", "minzdrav", "title", "Т", "content", "Текст"), JsonNode.class);
        assertThat(noKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noKind.getBody().toString()).contains("kind");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_approval", Integer.class)).isEqualTo(before);
    }
}
