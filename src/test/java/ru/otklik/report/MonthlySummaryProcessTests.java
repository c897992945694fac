package ru.otklik.report;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.content.ContentTesting;
import ru.otklik.message.MessageRegistry;
import ru.otklik.message.MessageStep;
import ru.otklik.support.OtklikSpringTest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.otklik.content.ContentTesting.clockAt;
import static ru.otklik.content.ContentTesting.kuzbass;
import static ru.otklik.report.MonthlySummaryProcess.*;

/**
 * {@code MonthlySummary}: the start on the first working day of the month (production calendar, Kuzbass time),
 * one idempotent instance per organization, the three review steps with their deadlines in working days, warnings
 * and escalations, and the summary becoming final once the head acknowledges it.
 */
@OtklikSpringTest
class MonthlySummaryProcessTests {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageRegistry registry;
    @Autowired
    SummarySchedule schedule;
    @Autowired
    MonthlySummaries summaries;
    @Autowired
    StoredSummaries stored;

    ContentTesting steps;

    @BeforeEach
    void steps() {
        steps = new ContentTesting(tasks, identity);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("MSG-25: first working day — January 2027 (1–8 January holidays, 9–10 weekend) is Monday 11.01; May 2026 (1 May holiday, 2–3 weekend) is Monday 04.05; December 2026 is Tuesday 01.12")
    void firstWorkingDay() {
        assertThat(schedule.firstWorkingDay("zags", YearMonth.of(2027, 1))).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(schedule.firstWorkingDay("zags", YearMonth.of(2026, 5))).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(schedule.firstWorkingDay("minsoc", YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2026, 12, 1));

        assertThat(schedule.monthDue("zags", kuzbass("2027-01-11T08:00"))).contains(YearMonth.of(2026, 12));
        assertThat(schedule.monthDue("zags", kuzbass("2027-01-10T08:00"))).isEmpty();
        assertThat(schedule.monthDue("zags", kuzbass("2027-01-12T08:00"))).isEmpty();
        assertThat(schedule.monthDue("zags", kuzbass("2026-05-04T08:00"))).contains(YearMonth.of(2026, 4));
        assertThat(schedule.monthDue("zags", kuzbass("2026-05-01T08:00"))).isEmpty();
        // 04.05.2026 00:30 Kuzbass is still 03.05 in UTC: the organization's zone decides
        assertThat(schedule.monthDue("zags", kuzbass("2026-05-04T00:30"))).contains(YearMonth.of(2026, 4));
    }

    @Test
    @DisplayName("MSG-25: the daily timer start event is due at 08:00+07:00 (Kuzbass), whatever the JVM zone")
    void dailyTimerAtEightKuzbass() {
        OffsetDateTime due = dailyTimer().getDuedate().toInstant().atOffset(ZoneOffset.ofHours(7));

        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(SummarySchedule.nextRun(kuzbass("2027-01-11T08:00")).toInstant()).isEqualTo(kuzbass("2027-01-12T08:00"));
        assertThat(SummarySchedule.nextRun(kuzbass("2027-01-11T07:59")).toInstant()).isEqualTo(kuzbass("2027-01-11T08:00"));
    }

    @Test
    @DisplayName("MSG-25, MSG-27, MSG-28, MSG-24: 11.01.2027 08:00 starts December's summaries once; zags: review due 13.01 18:00 (warning 09:00), decision due 19.01 18:00, acknowledgement due 22.01 18:00; every step warned and escalated; acknowledged summary is final")
    void monthlySummaryOfDecember() {
        long violation = decemberViolation();
        clockAt("2027-01-10T08:00");
        assertThat(summaries.startDue(kuzbass("2027-01-10T08:00"))).isEmpty();

        clockAt("2027-01-11T08:00");
        management.executeJob(dailyTimer().getId());
        ProcessInstance daily = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .activityIdIn(TASK_START_SUMMARIES).list().stream().findFirst().orElseThrow();
        management.executeJob(management.createJobQuery().processInstanceId(daily.getId()).singleResult().getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(daily.getId()).count()).isZero();

        ProcessInstance zags = instance("zags-2026-12");
        assertThat(zags.getTenantId()).isEqualTo("zags");
        assertThat(instance("minzdrav-2026-12").getTenantId()).isEqualTo("minzdrav");
        // a second run on the same day starts nothing
        assertThat(summaries.startDue(kuzbass("2027-01-11T09:00"))).isEmpty();

        management.executeJob(management.createJobQuery().processInstanceId(zags.getId()).singleResult().getId());
        String pi = zags.getId();
        assertThat(runtime.getVariable(pi, VAR_SUMMARY_URL)).isEqualTo("/reports/monthly/zags/2026-12");
        assertThat((String) runtime.getVariable(pi, VAR_DECISIONS)).contains("[MSG-13] Сообщение", "меры не предлагаются");
        StoredSummary compiled = stored.find("zags", Period.of(YearMonth.of(2026, 12))).orElseThrow();
        assertThat(compiled.acknowledged()).isFalse();
        assertThat(compiled.summary().violations()).anyMatch(v -> v.responsible().equals("fx-" + violation));

        Task review = steps.task(pi, TASK_REVIEW);
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("zags-specialists");
        // 2 working days counted from the day after 11.01: 12.01, 13.01 → 18:00
        assertThat(review.getDueDate().toInstant()).isEqualTo(kuzbass("2027-01-13T18:00"));
        // one working day (8 working hours) before: 13.01 09:00
        fire(pi, BOUNDARY_REVIEW_WARNING, "2027-01-13T09:00");
        fire(pi, BOUNDARY_REVIEW_OVERDUE, "2027-01-13T18:00");
        assertThat(notified(review.getId(), "DEADLINE_WARNING")).contains("group:zags-specialists");
        assertThat(notified(review.getId(), "DEADLINE_BREACHED")).contains("group:zags-coordinator")
                .doesNotContain("group:zags-head");
        assertThat(steps.task(pi, TASK_REVIEW).getPriority()).isEqualTo(SummaryEscalations.OVERDUE_PRIORITY);

        clockAt("2027-01-14T10:00");
        assertThatThrownBy(() -> steps.complete("zags-specialist", pi, TASK_REVIEW, Map.of(VAR_REMARKS, " ")))
                .hasMessageContaining("MSG-25");
        steps.complete("zags-specialist", pi, TASK_REVIEW, Map.of(VAR_REMARKS, "Ответы по существу, без канцелярита."));

        Task decision = steps.task(pi, TASK_DECIDE);
        assertThat(tasks.getIdentityLinksForTask(decision.getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("zags-coordinator", "zags-coordinator-substitute");
        // 3 working days from 14.01: 15.01, 18.01, 19.01 (16–17 weekend)
        assertThat(decision.getDueDate().toInstant()).isEqualTo(kuzbass("2027-01-19T18:00"));
        fire(pi, BOUNDARY_DECIDE_WARNING, "2027-01-19T09:00");
        fire(pi, BOUNDARY_DECIDE_OVERDUE, "2027-01-19T18:00");
        assertThat(notified(decision.getId(), "DEADLINE_BREACHED")).contains("group:zags-head");

        clockAt("2027-01-20T10:00");
        String prefilled = (String) runtime.getVariable(pi, VAR_DECISIONS);
        String[] lines = prefilled.split("\n");
        int ours = indexOf(lines, "fx-" + violation);
        String withoutOurs = String.join("\n", java.util.Arrays.stream(lines).filter(l -> !l.contains("fx-" + violation))
                .toList());
        assertThatThrownBy(() -> steps.complete("zags-coordinator", pi, TASK_DECIDE,
                Map.of(VAR_DECISIONS, withoutOurs, VAR_COORDINATOR_REPORT, "Доклад")))
                .hasMessageContaining("Нет решения по нарушению № " + (ours + 1));
        lines[ours] = lines[ours].replace("меры не предлагаются", "замечание");
        steps.complete("zags-coordinator", pi, TASK_DECIDE, Map.of(VAR_DECISIONS, String.join("\n", lines),
                VAR_COORDINATOR_REPORT, "Сроки соблюдаются, одно нарушение."));

        Task acknowledgement = steps.task(pi, TASK_ACKNOWLEDGE);
        assertThat(tasks.getIdentityLinksForTask(acknowledgement.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("zags-head");
        // 2 working days from 20.01: 21.01, 22.01
        assertThat(acknowledgement.getDueDate().toInstant()).isEqualTo(kuzbass("2027-01-22T18:00"));
        fire(pi, BOUNDARY_ACKNOWLEDGE_WARNING, "2027-01-22T09:00");
        fire(pi, BOUNDARY_ACKNOWLEDGE_OVERDUE, "2027-01-22T18:00");
        assertThat(notified(acknowledgement.getId(), "DEADLINE_WARNING")).contains("group:zags-head");

        clockAt("2027-01-25T10:00");
        steps.complete("zags-head", pi, TASK_ACKNOWLEDGE, Map.of(VAR_HEAD_NOTES, "Принять к сведению."));

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId(END_ACKNOWLEDGED)
                .count()).isEqualTo(1);
        StoredSummary done = stored.find("zags", Period.of(YearMonth.of(2026, 12))).orElseThrow();
        assertThat(done.acknowledgedAt()).isEqualTo(kuzbass("2027-01-25T10:00"));
        assertThat(done.acknowledgedBy()).isEqualTo("zags-head");
        assertThat(done.remarks()).isEqualTo("Ответы по существу, без канцелярита.");
        assertThat(done.reviewedBy()).isEqualTo("zags-specialist");
        assertThat(done.coordinatorReport()).isEqualTo("Сроки соблюдаются, одно нарушение.");
        assertThat(done.decisions()).filteredOn(d -> d.responsible().equals("fx-" + violation)).singleElement()
                .satisfies(d -> {
                    assertThat(d.measure()).isEqualTo("замечание");
                    assertThat(d.ruleId()).isEqualTo("MSG-13");
                    assertThat(d.source()).isEqualTo("MESSAGE");
                });
        assertThat(done.decisions()).hasSize(lines.length);

        // final: neither compiled again nor changed
        Summary again = done.summary();
        assertThatThrownBy(() -> stored.store(again, null)).isInstanceOf(SummaryAcknowledgedException.class)
                .hasMessageContaining("изменению не подлежит");
        assertThatThrownBy(() -> summaries.reviewed(done.id(), "Другие замечания", "x", kuzbass("2027-01-26T10:00")))
                .isInstanceOf(SummaryAcknowledgedException.class);
        assertThat(stored.find(done.id()).orElseThrow().remarks()).isEqualTo("Ответы по существу, без канцелярита.");
    }

    /** A breach of the draft deadline in zags, recorded on 15.12.2026, responsible "fx-<id>". */
    private long decemberViolation() {
        String key = "zags-fx-" + UUID.randomUUID();
        jdbc.update("INSERT INTO message (organization_id, business_key, network, external_id, text, detected_at, status, "
                + "registered_by, created_at, updated_at) VALUES ('zags', ?, 'VK', ?, 'Текст', ?, 'DRAFTING', 'fixture', "
                + "?, ?)", key, key, ts("2026-12-15T10:00"), ts("2026-12-15T10:00"), ts("2026-12-15T10:00"));
        long message = jdbc.queryForObject("SELECT id FROM message WHERE business_key = ?", Long.class, key);
        registry.recordViolation(message, MessageStep.DRAFT, "MSG-13", "fx-" + message, kuzbass("2026-12-15T15:00"),
                kuzbass("2026-12-15T15:00"));
        return message;
    }

    private static java.sql.Timestamp ts(String local) {
        return java.sql.Timestamp.from(kuzbass(local));
    }

    private Job dailyTimer() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
                .singleResult().getId();
        Job job = management.createJobQuery().processDefinitionId(definition).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null).findFirst().orElse(null);
        assertThat(job).as("the timer start job of " + PROCESS_KEY).isNotNull();
        return job;
    }

    private ProcessInstance instance(String businessKey) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(instance).as(businessKey).isNotNull();
        return instance;
    }

    private void fire(String processInstanceId, String boundaryEvent, String kuzbassTime) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(boundaryEvent)
                .singleResult();
        assertThat(job).as("timer " + boundaryEvent).isNotNull();
        assertThat(job.getDuedate().toInstant()).as("due of " + boundaryEvent).isEqualTo(kuzbass(kuzbassTime));
        clockAt(kuzbassTime);
        management.executeJob(job.getId());
    }

    /** The recipients of the task's notifications of that kind, joined. */
    private String notified(String taskId, String kind) {
        return String.join(";", jdbc.queryForList("SELECT recipients FROM notification WHERE task_id = ? AND kind = ?",
                String.class, taskId, kind));
    }

    private static int indexOf(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not in the decisions");
    }
}
