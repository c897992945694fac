package ru.otklik.content.weekly;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
import ru.otklik.account.AccountRegistry;
import ru.otklik.content.ContentTesting;
import ru.otklik.content.plan.ContentPlan;
import ru.otklik.content.plan.NewPlanItem;
import ru.otklik.content.plan.PlanItem;
import ru.otklik.content.plan.PlanItemStatus;
import ru.otklik.content.publication.NewPublication;
import ru.otklik.content.publication.PublicationLog;
import ru.otklik.support.OtklikSpringTest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.content.ContentTesting.*;
import static ru.otklik.content.weekly.WeeklyPublicationCheckProcess.*;

/**
 * {@code WeeklyPublicationCheck}: the Monday 09:00 Kuzbass timer, the past week's counts against ACC-7 / ACC-8,
 * missed content-plan items (ACC-6), the stored results and the account manager's explanation task.
 */
@OtklikSpringTest
class WeeklyPublicationCheckTests {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRegistry registry;
    @Autowired
    PublicationLog log;
    @Autowired
    ContentPlan plan;
    @Autowired
    WeeklyCheck check;

    ContentTesting steps;

    @BeforeEach
    void steps() {
        steps = new ContentTesting(tasks, identity);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    void publish(String org, long account, String localTime, boolean repost, String topic, String format) {
        log.record(new NewPublication(account, localTime, repost ? "REPOST" : "ORIGINAL",
                repost ? "https://vk.com/kuzbass" : null, format, "https://vk.com/wall-1_" + unique(), topic),
                accountManager(org), PublicationLog.SOURCE_API);
    }

    Job startTimer() {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();
        Job job = management.createJobQuery().processDefinitionId(definition.getId()).timers().singleResult();
        assertThat(job).as("the timer start job of " + PROCESS_KEY).isNotNull();
        return job;
    }

    @Test
    @DisplayName("ACC-7, ACC-8: the timer start event is due on a Monday at 09:00+07:00 (Kuzbass), whatever the JVM zone")
    void timerStartDueMondayNineKuzbass() {
        OffsetDateTime due = startTimer().getDuedate().toInstant().atOffset(ZoneOffset.ofHours(7));

        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    @DisplayName("ACC-7, ACC-6: the timer fires Monday 07.12.2026 09:00 → week 30.11–06.12: zags account with 9 publications (one Sunday 23:30, one Monday 00:00 of the next week not counted) and a missed plan item → task for zags account managers; explanation stored")
    void timerFiresAndZagsShortfallIsExplained() {
        String slug = "zags_" + unique();
        long short9 = activeAccount(registry, "zags", slug);
        long full10 = activeAccount(registry, "zags", "zags_" + unique());
        clockAt("2026-11-29T10:00");
        PlanItem planned = plan.plan(new NewPlanItem(short9, "2026-12-02T12:00", "Регистрация брака онлайн", "VIDEO",
                "zags-accounts"), accountManager("zags"));
        PlanItem done = plan.plan(new NewPlanItem(short9, "2026-12-03T12:00", "Юбилей семьи", "PHOTO",
                "zags-accounts"), accountManager("zags"));
        clockAt("2026-12-07T08:00");
        for (int day = 0; day < 7; day++) {
            publish("zags", short9, "2026-11-30T10:0" + day, false, null, "TEXT");
        }
        publish("zags", short9, "2026-12-03T15:00", false, "юбилей семьи", "TEXT");   // completes the plan item
        publish("zags", short9, "2026-12-06T23:30", false, null, "TEXT");              // Sunday 23:30: this week
        publish("zags", short9, "2026-12-07T00:00", false, null, "TEXT");              // Monday 00:00: next week
        for (int i = 0; i < 10; i++) {
            publish("zags", full10, "2026-12-0" + (1 + i % 6) + "T11:" + (10 + i), false, null, "PHOTO");
        }
        assertThat(plan.find(done.id()).orElseThrow().status()).isEqualTo(PlanItemStatus.DONE);

        clockAt("2026-12-07T09:00");
        management.executeJob(startTimer().getId());
        ProcessInstance checkRun = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .activityIdIn(TASK_CHECK_WEEK).list().stream().findFirst().orElseThrow();
        Job async = management.createJobQuery().processInstanceId(checkRun.getId()).singleResult();
        management.executeJob(async.getId());

        WeeklyCheckResult shortfall = check.find(short9, LocalDate.of(2026, 11, 30)).orElseThrow();
        assertThat(shortfall.publications()).isEqualTo(9);
        assertThat(shortfall.weeklyMinimum()).isEqualTo(10);
        assertThat(shortfall.belowMinimum()).isTrue();
        assertThat(shortfall.missedPlanItems()).isEqualTo(1);
        assertThat(shortfall.shortfall()).isTrue();
        assertThat(plan.find(planned.id()).orElseThrow().status()).isEqualTo(PlanItemStatus.MISSED);
        WeeklyCheckResult ok = check.find(full10, LocalDate.of(2026, 11, 30)).orElseThrow();
        assertThat(ok.publications()).isEqualTo(10);
        assertThat(ok.shortfall()).isFalse();
        assertThat(ok.processInstanceId()).isNull();

        String explanation = shortfall.processInstanceId();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(explanation).singleResult().getTenantId())
                .isEqualTo("zags");
        Task task = steps.task(explanation, TASK_EXPLAIN);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("zags-account-managers");
        assertThat((String) runtime.getVariable(explanation, VAR_FINDINGS))
                .contains("Публикаций за неделю: 9 при рекомендованном минимуме 10 (ACC-7)",
                        "Не опубликовано по контент-плану: 1 (ACC-6)");
        assertThat(runtime.getVariable(explanation, VAR_WEEK)).isEqualTo("30.11.2026 – 06.12.2026");
        // checked Monday 07.12 09:00 → 2 working days: Tue 08.12, Wed 09.12 → 18:00+07:00
        assertThat(task.getDueDate().toInstant()).isEqualTo(kuzbass("2026-12-09T18:00"));

        steps.complete("zags-accounts", explanation, TASK_EXPLAIN, Map.of(VAR_EXPLANATION,
                "Сотрудник был в отпуске.", VAR_PLAN, "Две публикации в день до пятницы."));
        WeeklyCheckResult explained = check.find(shortfall.id()).orElseThrow();
        assertThat(explained.explanation()).isEqualTo("Сотрудник был в отпуске.");
        assertThat(explained.plan()).isEqualTo("Две публикации в день до пятницы.");
        assertThat(explained.explainedBy()).isEqualTo("zags-accounts");

        // the job is a cycle: the next run is Monday 14.12 09:00+07:00
        assertThat(startTimer().getDuedate().toInstant()).isEqualTo(kuzbass("2026-12-14T09:00"));
    }

    @Test
    @DisplayName("ACC-8: minzdrav week 04.01–10.01.2027 — 2 reposts of 4 (50 %) exceed 25 %; 1 of 4 (25 %) does not; no minimum for minzdrav")
    void minzdrawRepostCap() {
        long heavy = activeAccount(registry, "minzdrav", "mz_" + unique());
        long fine = activeAccount(registry, "minzdrav", "mz_" + unique());
        clockAt("2027-01-11T08:00");
        publish("minzdrav", heavy, "2027-01-04T10:00", false, null, "TEXT");
        publish("minzdrav", heavy, "2027-01-05T10:00", true, null, "TEXT");
        publish("minzdrav", heavy, "2027-01-06T10:00", true, null, "TEXT");
        publish("minzdrav", heavy, "2027-01-10T23:30", false, null, "TEXT");
        publish("minzdrav", heavy, "2027-01-11T00:00", false, null, "TEXT");   // next week
        publish("minzdrav", fine, "2027-01-04T10:00", true, null, "TEXT");
        for (int i = 1; i <= 3; i++) {
            publish("minzdrav", fine, "2027-01-0" + (4 + i) + "T10:00", false, null, "TEXT");
        }

        check.checkAll(kuzbass("2027-01-11T09:00"), null);

        WeeklyCheckResult over = check.find(heavy, LocalDate.of(2027, 1, 4)).orElseThrow();
        assertThat(over.publications()).isEqualTo(4);
        assertThat(over.reposts()).isEqualTo(2);
        assertThat(over.repostCapPercent()).isEqualTo(25);
        assertThat(over.repostCapExceeded()).isTrue();
        assertThat(over.weeklyMinimum()).isNull();
        assertThat((String) runtime.getVariable(over.processInstanceId(), VAR_FINDINGS))
                .isEqualTo("Доля репостов: 50 % (2 из 4) при допустимых 25 % (ACC-8).");
        assertThat(steps.task(over.processInstanceId(), TASK_EXPLAIN)).isNotNull();
        WeeklyCheckResult within = check.find(fine, LocalDate.of(2027, 1, 4)).orElseThrow();
        assertThat(within.reposts()).isEqualTo(1);
        assertThat(within.repostCapExceeded()).isFalse();
        assertThat(within.shortfall()).isFalse();

        // a second run of the same week changes nothing
        assertThat(check.checkAll(kuzbass("2027-01-11T10:00"), null)).noneMatch(r -> r.accountId() == heavy);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM weekly_check_result WHERE account_id = ?", Integer.class,
                heavy)).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-7: nkr needs 7 a week — 6 is a shortfall; minsoc (no minimum, no cap, no plan) is not checked")
    void nkrMinimumSeven() {
        long nkr = activeAccount(registry, "nkr", "nkr_" + unique());
        long minsoc = activeAccount(registry, "minsoc", "ms_" + unique());
        clockAt("2027-02-08T08:00");
        for (int i = 1; i <= 6; i++) {
            publish("nkr", nkr, "2027-02-0" + i + "T10:00", false, null, "TEXT");
        }

        check.checkAll(kuzbass("2027-02-08T09:00"), null);

        WeeklyCheckResult result = check.find(nkr, LocalDate.of(2027, 2, 1)).orElseThrow();
        assertThat(result.publications()).isEqualTo(6);
        assertThat(result.weeklyMinimum()).isEqualTo(7);
        assertThat(result.belowMinimum()).isTrue();
        assertThat(check.find(minsoc, LocalDate.of(2027, 2, 1))).isEmpty();
    }
}
