package ru.otklik.account;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.otklik.account.AccountRegistry.Field;
import ru.otklik.account.AccountRegistry.NewFinding;
import ru.otklik.account.SecurityReview.FindingKind;
import ru.otklik.notification.Notification;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.Notifier;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.system.EngineChecks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static ru.otklik.account.AccountSecurityReviewProcess.*;

/**
 * ACC-3: the periodic security review of every active account. The security owner of the organization confirms
 * two-factor authentication, the list of administrators and the last change of credentials; what falls short is
 * recorded as findings; a review not done in time is a violation. Called by {@link AccountSecurityReviewDelegates}.
 */
@Service
public class AccountSecurityReviews {

    private static final Logger log = LoggerFactory.getLogger(AccountSecurityReviews.class);

    private final AccountRegistry registry;
    private final OrganizationPolicies policies;
    private final AccountDeadlines deadlines;
    private final AccountsProperties properties;
    private final Notifier notifier;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    public AccountSecurityReviews(AccountRegistry registry, OrganizationPolicies policies, AccountDeadlines deadlines,
                                  AccountsProperties properties, Notifier notifier, RuntimeService runtime,
                                  TaskService tasks, IdentityService identity) {
        this.registry = registry;
        this.policies = policies;
        this.deadlines = deadlines;
        this.properties = properties;
        this.notifier = notifier;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    /**
     * ACC-3 (Task_ScheduleReviews): starts one review per active account of every organization, in the
     * account's tenant; an account whose previous review is still open is skipped.
     *
     * @return the number of reviews started
     */
    public int scheduleAll() {
        List<String> organizations = policies.all().stream().map(OrganizationPolicy::id).toList();
        int started = 0;
        for (Account account : registry.list(organizations, null, AccountStatus.ACTIVE)) {
            if (registry.hasOpenReview(account.id())) {
                continue;
            }
            EngineChecks.withoutChecks(() -> runtime.createMessageCorrelation(MESSAGE_REVIEW_REQUESTED)
                    .withoutTenantId()
                    .processInstanceBusinessKey("account-" + account.id() + "-review")
                    .setVariable(VAR_ORGANIZATION, account.organization())
                    .setVariable(VAR_ACCOUNT_ID, account.id())
                    .correlateStartMessage());
            started++;
        }
        log.info("Security reviews started: {}", started);
        return started;
    }

    /** ACC-3 (Task_OpenReview): opens the review of one account and fills the form from the registry. */
    public void open(DelegateExecution execution) {
        EngineChecks.requireSystem(identity, "Проверка защищённости аккаунта");
        String org = AccountLifecycle.tenant(execution);
        Object id = execution.getVariable(VAR_ACCOUNT_ID);
        if (!(id instanceof Number number)) {
            throw new ProcessEngineException("Аккаунт для проверки не указан");
        }
        Account account = registry.find(number.longValue())
                .filter(a -> a.organization().equals(org))
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new ProcessEngineException("Аккаунт " + id + " не является действующим аккаунтом "
                        + "организации " + org));
        if (registry.hasOpenReview(account.id())) {
            throw new ProcessEngineException("Проверка аккаунта " + account.url() + " уже идёт");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long reviewId = registry.openReview(account.id(), org, now, execution.getProcessInstanceId());
        execution.setVariables(Variables.createVariables()
                .putValue(VAR_ORGANIZATION, org)
                .putValue(VAR_REVIEW_ID, reviewId)
                .putValue(VAR_REVIEW_REQUESTED_AT, Date.from(now))
                .putValue(VAR_NETWORK_TITLE, NetworkDomains.title(account.network()))
                .putValue(VAR_URL, account.url())
                .putValue(VAR_DISPLAY_NAME, account.displayName())
                .putValue(VAR_SECURITY_OWNER, account.securityOwner())
                .putValue(VAR_TWO_FACTOR_ENABLED, account.twoFactorEnabled())
                .putValue(VAR_ADMINISTRATORS, String.join("\n", account.administrators()))
                .putValue(VAR_ADMINISTRATORS_CONFIRMED, false)
                .putValue(VAR_CREDENTIALS_ROTATED_ON, account.lastCredentialRotation() == null ? null
                        : account.lastCredentialRotation().toString()));
    }

    /** Task_ReviewSecurity, on create: the registry keeps the review's due date. */
    public void taskCreated(DelegateTask task) {
        long reviewId = ((Number) task.getVariable(VAR_REVIEW_ID)).longValue();
        registry.setReviewDue(reviewId, task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }

    /**
     * ACC-3 (Task_ReviewSecurity, on complete): records the review, its findings and the confirmed security
     * settings of the account.
     */
    public void complete(DelegateTask task) {
        String org = task.getTenantId();
        long reviewId = ((Number) task.getVariable(VAR_REVIEW_ID)).longValue();
        SecurityReview review = registry.review(reviewId).orElseThrow();
        if (!SecurityReview.OPEN.equals(review.status())) {
            throw new ProcessEngineException("Проверка " + reviewId + " уже завершена");
        }
        LocalDate today = deadlines.today(org);
        boolean twoFactor = AccountRules.flag(task.getVariable(VAR_TWO_FACTOR_ENABLED), VAR_TWO_FACTOR_ENABLED, false);
        boolean confirmed = AccountRules.flag(task.getVariable(VAR_ADMINISTRATORS_CONFIRMED),
                VAR_ADMINISTRATORS_CONFIRMED, false);
        LocalDate rotatedOn = AccountRules.pastDate(task.getVariable(VAR_CREDENTIALS_ROTATED_ON),
                VAR_CREDENTIALS_ROTATED_ON, today);
        List<String> administrators = AccountRules.administrators(task.getVariable(VAR_ADMINISTRATORS), VAR_ADMINISTRATORS);
        String remarks = AccountRules.optionalText(stringOf(task.getVariable(VAR_REMARKS)), VAR_REMARKS, 2000);
        List<NewFinding> findings = findings(twoFactor, confirmed, administrators, rotatedOn, remarks, today,
                properties.credentialRotationMaxAge());
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String reviewer = reviewer(task);
        registry.completeReview(reviewId, now, reviewer, twoFactor, confirmed, rotatedOn, findings);
        Map<Field, Object> changes = new LinkedHashMap<>();
        changes.put(Field.TWO_FACTOR_ENABLED, twoFactor);
        if (rotatedOn != null) {
            changes.put(Field.LAST_CREDENTIAL_ROTATION, rotatedOn);
        }
        changes.put(Field.LAST_SECURITY_REVIEW, today);
        registry.update(review.accountId(), changes, reviewer, AccountActions.REVIEWED, "ACC-3",
                findings.isEmpty() ? "Проверка защищённости пройдена без замечаний"
                        : "Замечания: " + findings.stream().map(NewFinding::details).collect(Collectors.joining("; ")));
        if (!administrators.isEmpty()) {
            registry.replaceAdministrators(review.accountId(), administrators, reviewer, AccountActions.REVIEWED, "ACC-3");
        }
        task.getExecution().setVariable(VAR_FINDINGS_COUNT, findings.size());
    }

    /**
     * ACC-3 findings of a review: two-factor authentication off, administrators not confirmed (or none listed),
     * credentials never changed or changed longer ago than {@code maxAge}, and the reviewer's own remarks.
     */
    static List<NewFinding> findings(boolean twoFactor, boolean administratorsConfirmed, List<String> administrators,
                                     LocalDate rotatedOn, String remarks, LocalDate today, Period maxAge) {
        List<NewFinding> findings = new ArrayList<>();
        if (!twoFactor) {
            findings.add(new NewFinding(FindingKind.TWO_FACTOR_OFF, "ACC-3",
                    "Двухфакторная аутентификация не включена"));
        }
        if (!administratorsConfirmed || administrators.isEmpty()) {
            findings.add(new NewFinding(FindingKind.ADMINISTRATORS_UNCONFIRMED, "ACC-3",
                    administrators.isEmpty() ? "Администраторы аккаунта не указаны"
                            : "Список администраторов не подтверждён"));
        }
        if (rotatedOn == null) {
            findings.add(new NewFinding(FindingKind.CREDENTIALS_STALE, "ACC-3", "Дата смены пароля неизвестна"));
        } else if (rotatedOn.plus(maxAge).isBefore(today)) {
            findings.add(new NewFinding(FindingKind.CREDENTIALS_STALE, "ACC-3", "Пароль не менялся с "
                    + AccountRules.format(rotatedOn) + " (дольше " + maxAge.getDays() + " дн.)"));
        }
        if (remarks != null) {
            findings.add(new NewFinding(FindingKind.OTHER, "ACC-3", remarks));
        }
        return findings;
    }

    /**
     * ACC-3 (BoundaryEvent_ReviewOverdue): the review is not done in time. The breach is recorded against the
     * security owner (whoever holds the task), who and the head of the body are notified; the task stays open.
     */
    public void overdue(DelegateExecution execution) {
        String org = AccountLifecycle.tenant(execution);
        long reviewId = ((Number) execution.getVariable(VAR_REVIEW_ID)).longValue();
        SecurityReview review = registry.review(reviewId).orElseThrow();
        if (!SecurityReview.OPEN.equals(review.status())) {
            return;
        }
        Task task = EngineChecks.withoutChecks(() -> tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_REVIEW).singleResult());
        Instant due = review.dueAt() != null ? review.dueAt()
                : task != null && task.getDueDate() != null ? task.getDueDate().toInstant()
                : ClockUtil.getCurrentTime().toInstant();
        String owners = Role.SECURITY_OWNER.groupId(org);
        String responsible = task != null && task.getAssignee() != null ? task.getAssignee() : owners;
        registry.markReviewOverdue(reviewId);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (!registry.recordViolation(review.accountId(), org, AccountViolation.Kind.REVIEW_OVERDUE, "ACC-3",
                responsible, due, now)) {
            return;
        }
        Account account = registry.find(review.accountId()).orElseThrow();
        registry.audit(account.id(), "system", AccountActions.REVIEW_OVERDUE, "ACC-3", Map.of(),
                Map.of("dueAt", due.toString(), "responsible", responsible),
                "Проверка защищённости не проведена до " + deadlines.format(due, org));
        Set<String> users = task != null && task.getAssignee() != null ? Set.of(task.getAssignee()) : Set.of();
        notifier.send(new Notification(org, NotificationKind.DEADLINE_BREACHED, null, task == null ? null : task.getId(),
                users, new LinkedHashSet<>(List.of(owners, Role.HEAD.groupId(org))),
                "Просрочена проверка защищённости аккаунта — " + account.displayName(),
                "Проверка защищённости аккаунта " + account.url() + " должна была быть проведена до "
                        + deadlines.format(due, org) + " (ACC-3). Ответственный: " + responsible
                        + ". Нарушение внесено в реестр."));
    }

    private String reviewer(DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() == null ? "system" : task.getAssignee();
    }

    private static String stringOf(Object value) {
        return value == null ? null : value.toString();
    }
}
