package ru.otklik.account;

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
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.organization.Network;
import ru.otklik.support.OtklikSpringTest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.otklik.account.AccountSecurityReviewProcess.*;
import static ru.otklik.account.AccountTesting.*;

/**
 * {@code AccountSecurityReview} (ACC-3): the cycle starts one review per active account in its organization, the
 * security owner's findings are recorded, an overdue review escalates.
 */
@OtklikSpringTest
class AccountSecurityReviewTests {

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

    /** An active zags account as the initial import enters it. */
    private long activeAccount(String org, boolean twoFactor, LocalDate rotatedOn) {
        NetworkDomains.AccountUrl url = NetworkDomains.parse(Network.VK, "https://vk.com/review_" + unique(), "url");
        return registry.insertImported(new AccountRegistry.NewAccount(org, Network.VK, url, "Проверяемый аккаунт",
                        null, "Аккаунт органа", "Отдел информационной безопасности"),
                new AccountRegistry.ExistingDetails(LocalDate.of(2020, 3, 1), true, true, true, twoFactor, rotatedOn,
                        List.of("Сидоров С. С.", "zags-accounts")), "test");
    }

    private Job cycleJob() {
        Job job = management.createJobQuery().processDefinitionKey(PROCESS_KEY).activityId(START_CYCLE).timers()
                .singleResult();
        assertThat(job).as("the timer start event of the review cycle").isNotNull();
        return job;
    }

    private ProcessInstance reviewOf(long accountId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey("account-" + accountId + "-review").singleResult();
    }

    @Test
    @DisplayName("ACC-3: when the cycle (R/P3M) is due it starts a review per active account in the account's tenant; the next cycle is 3 months on")
    void cycleStartsReviews() {
        Job cycle = cycleJob();
        Instant due = cycle.getDuedate().toInstant();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
        long zags = activeAccount("zags", true, LocalDate.of(2026, 10, 1));
        long minsoc = activeAccount("minsoc", true, LocalDate.of(2026, 10, 1));

        management.executeJob(cycle.getId());

        ProcessInstance review = reviewOf(zags);
        assertThat(review).isNotNull();
        assertThat(review.getTenantId()).isEqualTo("zags");
        assertThat(reviewOf(minsoc).getTenantId()).isEqualTo("minsoc");
        Task task = steps.task(review.getId(), TASK_REVIEW);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("zags-security");
        assertThat(runtime.getVariable(review.getId(), VAR_ADMINISTRATORS)).isEqualTo("Сидоров С. С.\nzags-accounts");
        assertThat(registry.reviews(zags)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(SecurityReview.OPEN));
        // the next cycle: three months after this one
        assertThat(cycleJob().getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.ofInstant(due, ZoneId.systemDefault()).plusMonths(3).toInstant());
        // only zags's security owners see the zags review
        assertThat(steps.as("minsoc-registry", () -> tasks.createTaskQuery().taskId(task.getId()).count())).isZero();
        assertThat(steps.as("zags-registry", () -> tasks.createTaskQuery().taskId(task.getId()).count())).isEqualTo(1);

        // an account whose review is still open gets no second one
        management.executeJob(cycleJob().getId());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey("account-" + zags + "-review").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-3: a review started on Monday 23.11.2026 10:00 is due in 10 working days: 07.12.2026 18:00")
    void reviewDueInTenWorkingDays() {
        clockAt("2026-11-23T10:00");
        long id = activeAccount("zags", true, LocalDate.of(2026, 10, 1));

        management.executeJob(cycleJob().getId());

        String review = reviewOf(id).getId();
        // 24, 25, 26, 27, 30.11, 1, 2, 3, 4, 7.12 → 07.12.2026 18:00
        assertThat(steps.task(review, TASK_REVIEW).getDueDate().toInstant()).isEqualTo(kuzbass("2026-12-07T18:00"));
        assertThat(steps.timer(review, BOUNDARY_REVIEW_OVERDUE).getDuedate().toInstant())
                .isEqualTo(kuzbass("2026-12-07T18:00"));
        assertThat(registry.reviews(id).get(0).dueAt()).isEqualTo(kuzbass("2026-12-07T18:00"));
    }

    @Test
    @DisplayName("ACC-3: only the system starts a review; a user correlating the message over the engine API is refused")
    void onlyTheSystemStartsReviews() {
        long id = activeAccount("minzdrav", true, LocalDate.of(2026, 10, 1));

        // in another organization the engine refuses the start itself
        assertThatThrownBy(() -> steps.as("zags-registry", () -> runtime.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED)
                .withoutTenantId().setVariable(VAR_ORGANIZATION, "minzdrav").setVariable(VAR_ACCOUNT_ID, id)
                .correlateStartMessage())).hasMessageContaining("не может начать дело организации minzdrav");
        // in the user's own organization the review refuses a start that is not the system's
        assertThatThrownBy(() -> steps.as("minzdrav-registry", () -> runtime.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED)
                .withoutTenantId().setVariable(VAR_ORGANIZATION, "minzdrav").setVariable(VAR_ACCOUNT_ID, id)
                .correlateStartMessage())).hasMessageContaining("запускается только системой");

        assertThat(registry.reviews(id)).isEmpty();
    }

    @Test
    @DisplayName("ACC-3: the security owner's review records findings (2FA off, stale password, remarks) and the confirmed settings")
    void findingsRecorded() {
        clockAt("2026-11-23T10:00");
        long id = activeAccount("zags", true, LocalDate.of(2026, 10, 1));
        management.executeJob(cycleJob().getId());
        String review = reviewOf(id).getId();

        clockAt("2026-11-25T11:00");
        steps.complete("zags-registry", review, TASK_REVIEW, Map.of(
                VAR_TWO_FACTOR_ENABLED, false,
                VAR_ADMINISTRATORS, "Сидоров С. С.\nКозлова А. А.",
                VAR_ADMINISTRATORS_CONFIRMED, true,
                VAR_CREDENTIALS_ROTATED_ON, "2026-05-01",
                VAR_REMARKS, "Пароль известен уволенному сотруднику"));

        SecurityReview row = registry.reviews(id).get(0);
        assertThat(row.status()).isEqualTo(SecurityReview.COMPLETED);
        assertThat(row.reviewer()).isEqualTo("zags-registry");
        assertThat(row.findings()).extracting(SecurityReview.Finding::kind).containsExactly(
                SecurityReview.FindingKind.TWO_FACTOR_OFF, SecurityReview.FindingKind.CREDENTIALS_STALE,
                SecurityReview.FindingKind.OTHER);
        assertThat(row.findings()).extracting(SecurityReview.Finding::ruleId).containsOnly("ACC-3");
        Account account = registry.find(id).orElseThrow();
        assertThat(account.twoFactorEnabled()).isFalse();
        assertThat(account.lastCredentialRotation()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(account.lastSecurityReview()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(account.administrators()).containsExactly("Сидоров С. С.", "Козлова А. А.");
        assertThat(registry.audit(id)).extracting(AccountAuditEvent::action).contains("security-review");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(review).activityId(END_FINDINGS)
                .count()).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-3: a review without findings ends as passed")
    void reviewPassed() {
        clockAt("2026-11-23T10:00");
        long id = activeAccount("minzdrav", true, LocalDate.of(2026, 11, 1));
        management.executeJob(cycleJob().getId());
        String review = reviewOf(id).getId();

        steps.complete("minzdrav-registry", review, TASK_REVIEW, Map.of(
                VAR_TWO_FACTOR_ENABLED, true,
                VAR_ADMINISTRATORS, "Сидоров С. С.",
                VAR_ADMINISTRATORS_CONFIRMED, true,
                VAR_CREDENTIALS_ROTATED_ON, "2026-11-01"));

        assertThat(registry.reviews(id).get(0).findings()).isEmpty();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(review).activityId(END_PASSED)
                .count()).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-3, part C: an overdue review escalates — violation against the security owners, notification, the task stays open")
    void overdueReview() {
        clockAt("2026-11-23T10:00");
        long id = activeAccount("zags", true, LocalDate.of(2026, 10, 1));
        management.executeJob(cycleJob().getId());
        String review = reviewOf(id).getId();
        Job timer = steps.timer(review, BOUNDARY_REVIEW_OVERDUE);

        ClockUtil.setCurrentTime(Date.from(kuzbass("2026-12-07T18:00:01")));
        management.executeJob(timer.getId());

        SecurityReview row = registry.reviews(id).get(0);
        assertThat(row.overdue()).isTrue();
        assertThat(row.status()).isEqualTo(SecurityReview.OPEN);
        List<AccountViolation> violations = registry.violations(id);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(AccountViolation.Kind.REVIEW_OVERDUE);
            assertThat(v.ruleId()).isEqualTo("ACC-3");
            assertThat(v.responsible()).isEqualTo("zags-security");
            assertThat(v.dueAt()).isEqualTo(kuzbass("2026-12-07T18:00"));
        });
        Map<String, Object> notification = jdbc.queryForMap("SELECT recipients, subject, body FROM notification "
                + "WHERE organization_id = 'zags' AND kind = 'DEADLINE_BREACHED' AND body LIKE ?",
                "%" + registry.find(id).orElseThrow().url() + "%");
        assertThat(notification.get("recipients").toString()).contains("group:zags-security", "group:zags-head");
        assertThat(notification.get("body").toString()).contains("ACC-3", "07.12.2026 18:00");
        assertThat(steps.task(review, TASK_REVIEW)).isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(review)
                .activityId(END_REVIEW_ESCALATED).finished().count()).isEqualTo(1);
    }
}
