package ru.otklik.account;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import ru.otklik.account.AccountLifecycleProcess.RequestKind;
import ru.otklik.account.AccountRegistry.Field;
import ru.otklik.notification.Notification;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.Notifier;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.system.EngineChecks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static ru.otklik.account.AccountLifecycleProcess.*;

/**
 * What the steps of {@code AccountLifecycle} do to the registry of accounts: the request (ACC-1, ACC-2), the
 * registry keeper's decision (ACC-2), creation with description and design (ACC-9), deletion and change of
 * details (ACC-14), the report to the recipient the act names (ACC-4) and its entry in the consolidated
 * registry (ACC-13). Called by the thin delegates in {@link AccountLifecycleDelegates}; runs in the engine's
 * transaction, so an exception rolls the step back and Tasklist shows its (Russian) message.
 */
@Service
public class AccountLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountLifecycle.class);

    private final AccountRegistry registry;
    private final OrganizationPolicies policies;
    private final AccountDeadlines deadlines;
    private final Notifier notifier;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final TaskService tasks;

    public AccountLifecycle(AccountRegistry registry, OrganizationPolicies policies, AccountDeadlines deadlines,
                            Notifier notifier, IdentityService identity, RuntimeService runtime, TaskService tasks) {
        this.registry = registry;
        this.policies = policies;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.identity = identity;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    // ---- Task_RegisterRequest ----

    /**
     * ACC-1, ACC-2: registers the request the instance was started for. The REST API has entered it already
     * (variable {@code accountId}, started without a Camunda user); a start from Tasklist or the engine's REST
     * API is checked here like a REST request: the starter must keep accounts of the organization, the
     * network must be one of its act, the URL one of the network's and not registered yet. Sets the
     * variables the tasks and the ACC-4 term read from the organization's policy file.
     */
    public void registerRequest(DelegateExecution execution) {
        String org = tenant(execution);
        OrganizationPolicy policy = policies.get(org);
        RequestKind kind = requestKind(execution.getVariable(VAR_REQUEST_KIND));
        Authentication starter = identity.getCurrentAuthentication();
        long accountId;
        String requestedBy;
        if (starter == null && execution.getVariable(VAR_ACCOUNT_ID) != null) {
            accountId = ((Number) execution.getVariable(VAR_ACCOUNT_ID)).longValue();
            Account account = registry.find(accountId).filter(a -> a.organization().equals(org))
                    .orElseThrow(() -> new IllegalStateException("Account " + execution.getVariable(VAR_ACCOUNT_ID)
                            + " is not an account of " + org));
            if (!kind.name().equals(account.pendingRequest())) {
                throw new IllegalStateException("Account " + accountId + " has no " + kind + " request under way");
            }
            requestedBy = Objects.toString(execution.getVariable(VAR_REQUESTED_BY), "system");
        } else {
            requireAccountStaff(starter, org);
            requestedBy = starter.getUserId();
            accountId = switch (kind) {
                case CREATE -> registerCreation(execution, policy, requestedBy);
                case DELETE, CHANGE -> registerOnExisting(execution, policy, kind, requestedBy);
            };
        }
        registry.linkProcess(accountId, execution.getProcessInstanceId());
        Account account = registry.find(accountId).orElseThrow();
        OrganizationPolicy.AccountReporting reporting = policy.accountReporting();
        String recipientOrg = reporting.recipientOrg();
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_ORGANIZATION, org)
                .putValue(VAR_ORGANIZATION_NAME, policy.shortName())
                .putValue(VAR_ACCOUNT_ID, accountId)
                .putValue(VAR_REQUEST_KIND, kind.name())
                .putValue(VAR_REQUEST_KIND_TITLE, kind.title())
                .putValue(VAR_REQUESTED_BY, requestedBy)
                .putValue(VAR_NETWORK, account.network().name())
                .putValue(VAR_NETWORK_TITLE, NetworkDomains.title(account.network()))
                .putValue(VAR_URL, account.url())
                .putValue(VAR_DISPLAY_NAME, account.displayName())
                .putValue(VAR_EXTERNAL_ID, account.externalId())
                .putValue(VAR_PURPOSE, account.purpose())
                .putValue(VAR_ADMINISTRATORS, String.join("\n", account.administrators()))
                .putValue(VAR_TWO_FACTOR_ENABLED, account.twoFactorEnabled())
                .putValue(VAR_OFFICIAL_PAGE, account.officialPage())
                // ACC-4 from organizations/<org>.yml
                .putValue(VAR_REPORT_RECIPIENT, reporting.recipient())
                .putValue(VAR_RECIPIENT_ORG, recipientOrg)
                .putValue(VAR_REPORT_TERM_KIND, reporting.termKind().name())
                .putValue(VAR_REPORT_TERM_DAYS, reporting.term() == null ? 0 : reporting.term())
                .putValue(VAR_REPORT_TERM_TEXT, AccountDeadlines.termText(reporting))
                .putValue(VAR_REPORT_REQUIRED, reporting.termKind() != OrganizationPolicy.TermKind.NONE)
                .putValue(VAR_RECIPIENT_IN_SYSTEM, recipientOrg != null && !recipientOrg.equals(org));
        if (kind == RequestKind.CHANGE) {
            variables.putValue(VAR_CHANGE_SUMMARY, changeSummary(account, execution.getVariables()));
        }
        execution.setVariables(variables);
    }

    private long registerCreation(DelegateExecution execution, OrganizationPolicy policy, String actor) {
        Network network = AccountRules.network(string(execution, VAR_NETWORK), VAR_NETWORK);
        AccountRules.requireNetworkOfAct(policy, network, VAR_NETWORK);
        NetworkDomains.AccountUrl url = NetworkDomains.parse(network, string(execution, VAR_URL), VAR_URL);
        requireFree(url, VAR_URL);
        AccountRegistry.NewAccount account = new AccountRegistry.NewAccount(policy.id(), network, url,
                AccountRules.requiredText(string(execution, VAR_DISPLAY_NAME), VAR_DISPLAY_NAME,
                        AccountRules.MAX_DISPLAY_NAME, "название аккаунта"),
                AccountRules.optionalText(string(execution, VAR_EXTERNAL_ID), VAR_EXTERNAL_ID, AccountRules.MAX_EXTERNAL_ID),
                AccountRules.optionalText(string(execution, VAR_PURPOSE), VAR_PURPOSE, AccountRules.MAX_PURPOSE),
                policy.securityOwner());
        try {
            return registry.insertPlanned(account, actor, RequestKind.CREATE.name());
        } catch (DuplicateKeyException e) {
            throw duplicate(VAR_URL, url);
        }
    }

    private long registerOnExisting(DelegateExecution execution, OrganizationPolicy policy, RequestKind kind,
                                    String actor) {
        String raw = string(execution, VAR_URL);
        Account account = findLiveOfOrganization(policy.id(), raw);
        if (kind == RequestKind.CHANGE) {
            validateChange(execution.getVariables(), account);
        }
        if (!registry.claimPendingRequest(account.id(), kind.name())) {
            throw new AccountValidationException(VAR_URL, "по аккаунту уже идёт заявка ("
                    + requestKind(account.pendingRequest()).title() + "); дождитесь её завершения");
        }
        registry.audit(account.id(), actor, kind == RequestKind.DELETE ? AccountActions.DELETION_REQUESTED
                : AccountActions.CHANGE_REQUESTED, kind == RequestKind.DELETE ? "ACC-4" : "ACC-14", Map.of(),
                Map.of(), string(execution, VAR_REASON));
        return account.id();
    }

    /** The live (active or blocked) entry of an organization that has this URL. */
    Account findLiveOfOrganization(String org, String rawUrl) {
        if (rawUrl == null || rawUrl.isBlank()) {
            throw new AccountValidationException(VAR_URL, "укажите ссылку на аккаунт");
        }
        NetworkDomains.AccountUrl url = NetworkDomains.parse(Network.OTHER, rawUrl, VAR_URL);
        return registry.findLive(url.key())
                .filter(a -> a.organization().equals(org))
                .filter(a -> a.status() == AccountStatus.ACTIVE || a.status() == AccountStatus.BLOCKED)
                .orElseThrow(() -> new AccountValidationException(VAR_URL,
                        "в реестре организации нет действующего аккаунта с этой ссылкой"));
    }

    /** ACC-14: the requested new values (blank keeps the old one); at least one must differ. */
    void validateChange(Map<String, ?> variables, Account account) {
        String newUrl = string(variables, VAR_NEW_URL);
        if (newUrl != null && !newUrl.isBlank()) {
            NetworkDomains.AccountUrl url = NetworkDomains.parse(account.network(), newUrl, VAR_NEW_URL);
            registry.findLive(url.key()).filter(a -> a.id() != account.id()).ifPresent(a -> {
                throw duplicate(VAR_NEW_URL, url);
            });
        }
        AccountRules.optionalText(string(variables, VAR_NEW_DISPLAY_NAME), VAR_NEW_DISPLAY_NAME, AccountRules.MAX_DISPLAY_NAME);
        AccountRules.optionalText(string(variables, VAR_NEW_EXTERNAL_ID), VAR_NEW_EXTERNAL_ID, AccountRules.MAX_EXTERNAL_ID);
        AccountRules.optionalText(string(variables, VAR_NEW_PURPOSE), VAR_NEW_PURPOSE, AccountRules.MAX_PURPOSE);
        AccountRules.administrators(variables.get(VAR_NEW_ADMINISTRATORS), VAR_NEW_ADMINISTRATORS);
        newStatus(variables);
        if (changes(variables, account).isEmpty() && !administratorsChange(variables, account)) {
            throw new AccountValidationException(VAR_NEW_DISPLAY_NAME,
                    "укажите хотя бы одно изменение: новую ссылку, название, идентификатор, назначение, "
                            + "администраторов или блокировку");
        }
    }

    // ---- Task_ReviewRequest (complete) ----

    /** ACC-2: the registry keeper approves or rejects the request; a rejection needs a reason. */
    public void decide(DelegateTask task) {
        String decision = string(task, VAR_DECISION);
        if (!DECISION_APPROVE.equals(decision) && !DECISION_REJECT.equals(decision)) {
            throw new AccountValidationException(VAR_DECISION, "выберите решение: одобрить или отклонить заявку");
        }
        String comment = AccountRules.optionalText(string(task, VAR_DECISION_COMMENT), VAR_DECISION_COMMENT, 2000);
        if (DECISION_REJECT.equals(decision) && comment == null) {
            throw new AccountValidationException(VAR_DECISION_COMMENT, "укажите причину отказа");
        }
        long accountId = accountId(task);
        registry.audit(accountId, actor(task.getAssignee()),
                DECISION_APPROVE.equals(decision) ? AccountActions.APPROVED : AccountActions.REJECTED, "ACC-2",
                Map.of(), Map.of("decision", decision), comment);
    }

    // ---- Task_RejectRequest ----

    /** ACC-2: a rejected creation leaves the entry rejected and frees its URL; other requests change nothing. */
    public void reject(DelegateExecution execution) {
        long accountId = accountId(execution);
        if (requestKind(execution.getVariable(VAR_REQUEST_KIND)) == RequestKind.CREATE) {
            registry.update(accountId, Map.of(Field.STATUS, AccountStatus.REJECTED), "system",
                    AccountActions.REJECTED, "ACC-2", string(execution, VAR_DECISION_COMMENT));
        }
        registry.clearPendingRequest(accountId);
    }

    // ---- Task_ActivateAccount ----

    /**
     * ACC-2, ACC-9, ACC-3, ACC-16: the account exists in the network, described and designed; the entry becomes
     * active (and public) with its creation date, administrators and security settings. Prepares the ACC-4
     * report of the creation.
     */
    public void activate(DelegateExecution execution) {
        String org = tenant(execution);
        long accountId = accountId(execution);
        Account account = registry.find(accountId).orElseThrow();
        LocalDate today = deadlines.today(org);
        LocalDate createdOn = AccountRules.pastDate(execution.getVariable(VAR_CREATED_ON), VAR_CREATED_ON, today);
        if (createdOn == null) {
            throw new AccountValidationException(VAR_CREATED_ON, "укажите дату создания аккаунта");
        }
        boolean text = AccountRules.flag(execution.getVariable(VAR_TEXT_DESCRIPTION), VAR_TEXT_DESCRIPTION, false);
        boolean visuals = AccountRules.flag(execution.getVariable(VAR_DESIGNED_VISUALS), VAR_DESIGNED_VISUALS, false);
        if (!text || !visuals) {
            throw new AccountValidationException(text ? VAR_DESIGNED_VISUALS : VAR_TEXT_DESCRIPTION,
                    "у аккаунта должны быть текстовое описание и оформление (ACC-9): отметьте оба пункта, "
                            + "когда они будут готовы");
        }
        List<String> administrators = AccountRules.administrators(execution.getVariable(VAR_ADMINISTRATORS),
                VAR_ADMINISTRATORS);
        if (administrators.isEmpty()) {
            throw new AccountValidationException(VAR_ADMINISTRATORS, "укажите администраторов аккаунта (ACC-3)");
        }
        NetworkDomains.AccountUrl url = NetworkDomains.parse(account.network(), string(execution, VAR_URL), VAR_URL);
        registry.findLive(url.key()).filter(a -> a.id() != accountId).ifPresent(a -> {
            throw duplicate(VAR_URL, url);
        });
        String actor = actor(string(execution, VAR_REQUESTED_BY));
        Map<Field, Object> changes = new LinkedHashMap<>();
        changes.put(Field.STATUS, AccountStatus.ACTIVE);
        changes.put(Field.URL, url);
        changes.put(Field.EXTERNAL_ID, AccountRules.optionalText(string(execution, VAR_EXTERNAL_ID), VAR_EXTERNAL_ID,
                AccountRules.MAX_EXTERNAL_ID));
        changes.put(Field.CREATED_ON, createdOn);
        changes.put(Field.TEXT_DESCRIPTION, true);
        changes.put(Field.DESIGNED_VISUALS, true);
        changes.put(Field.OFFICIAL_PAGE, AccountRules.flag(execution.getVariable(VAR_OFFICIAL_PAGE), VAR_OFFICIAL_PAGE, false));
        changes.put(Field.TWO_FACTOR_ENABLED,
                AccountRules.flag(execution.getVariable(VAR_TWO_FACTOR_ENABLED), VAR_TWO_FACTOR_ENABLED, false));
        try {
            registry.update(accountId, changes, actor, AccountActions.ACTIVATED, "ACC-9",
                    "Аккаунт создан, описание и оформление готовы; внесён в реестр как действующий");
        } catch (DuplicateKeyException e) {
            throw duplicate(VAR_URL, url);
        }
        registry.replaceAdministrators(accountId, administrators, actor, AccountActions.ACTIVATED, "ACC-3");
        registry.clearPendingRequest(accountId);
        execution.setVariable(VAR_URL, url.url());
        prepareReport(execution, org, accountId, AccountReport.ReportKind.CREATED, createdOn);
        log.info("Account {} of {} is active: {}", accountId, org, url.url());
    }

    // ---- Task_RegisterDeletion ----

    /** ACC-4: the account was deleted in the network; the entry is deleted (and leaves the public registry). */
    public void registerDeletion(DelegateExecution execution) {
        String org = tenant(execution);
        long accountId = accountId(execution);
        Account account = registry.find(accountId).orElseThrow();
        LocalDate deletedOn = AccountRules.pastDate(execution.getVariable(VAR_DELETED_ON), VAR_DELETED_ON,
                deadlines.today(org));
        if (deletedOn == null) {
            throw new AccountValidationException(VAR_DELETED_ON, "укажите дату удаления аккаунта");
        }
        if (account.createdOn() != null && deletedOn.isBefore(account.createdOn())) {
            throw new AccountValidationException(VAR_DELETED_ON, "дата удаления раньше даты создания ("
                    + AccountRules.format(account.createdOn()) + ")");
        }
        Map<Field, Object> changes = new LinkedHashMap<>();
        changes.put(Field.STATUS, AccountStatus.DELETED);
        changes.put(Field.DELETED_ON, deletedOn);
        registry.update(accountId, changes, actor(string(execution, VAR_REQUESTED_BY)), AccountActions.DELETED,
                "ACC-4", string(execution, VAR_REASON));
        registry.clearPendingRequest(accountId);
        prepareReport(execution, org, accountId, AccountReport.ReportKind.DELETED, deletedOn);
    }

    // ---- Task_RegisterChange ----

    /**
     * ACC-14: applies the approved change of details (URL, name, id, purpose, administrators, blocking by the
     * network). A recipient that keeps its consolidated registry here is informed without a term.
     */
    public void registerChange(DelegateExecution execution) {
        String org = tenant(execution);
        long accountId = accountId(execution);
        Account account = registry.find(accountId).orElseThrow();
        Map<String, Object> variables = execution.getVariables();
        validateChange(variables, account);
        String actor = actor(string(execution, VAR_REQUESTED_BY));
        Map<Field, Object> changes = changes(variables, account);
        try {
            registry.update(accountId, changes, actor, AccountActions.CHANGED, "ACC-14", string(execution, VAR_REASON));
        } catch (DuplicateKeyException e) {
            throw new AccountValidationException(VAR_NEW_URL, "аккаунт с этой ссылкой уже есть в реестре");
        }
        if (administratorsChange(variables, account)) {
            registry.replaceAdministrators(accountId, AccountRules.administrators(
                    execution.getVariable(VAR_NEW_ADMINISTRATORS), VAR_NEW_ADMINISTRATORS), actor,
                    AccountActions.CHANGED, "ACC-14");
        }
        registry.clearPendingRequest(accountId);
        Account changed = registry.find(accountId).orElseThrow();
        execution.setVariable(VAR_URL, changed.url());
        execution.setVariable(VAR_DISPLAY_NAME, changed.displayName());
        if (Boolean.TRUE.equals(execution.getVariable(VAR_RECIPIENT_IN_SYSTEM))) {
            OrganizationPolicy.AccountReporting reporting = policies.get(org).accountReporting();
            LocalDate today = deadlines.today(org);
            long reportId = registry.createReport(accountId, org, AccountReport.ReportKind.CHANGED, today, null,
                    reporting.recipient(), reporting.recipientOrg(), execution.getProcessInstanceId());
            // ACC-14 sets no term: the change goes to the recipient at once
            registry.markReported(reportId, now(), actor, null);
            setReportVariables(execution, org, reportId, AccountReport.ReportKind.CHANGED, today, null);
        }
    }

    private Map<Field, Object> changes(Map<String, ?> variables, Account account) {
        Map<Field, Object> changes = new LinkedHashMap<>();
        String newUrl = string(variables, VAR_NEW_URL);
        if (newUrl != null && !newUrl.isBlank()) {
            NetworkDomains.AccountUrl url = NetworkDomains.parse(account.network(), newUrl, VAR_NEW_URL);
            if (!url.url().equals(account.url())) {
                changes.put(Field.URL, url);
            }
        }
        putIfDifferent(changes, Field.DISPLAY_NAME, string(variables, VAR_NEW_DISPLAY_NAME), account.displayName());
        putIfDifferent(changes, Field.EXTERNAL_ID, string(variables, VAR_NEW_EXTERNAL_ID), account.externalId());
        putIfDifferent(changes, Field.PURPOSE, string(variables, VAR_NEW_PURPOSE), account.purpose());
        AccountStatus status = newStatus(variables);
        if (status != null && status != account.status()) {
            changes.put(Field.STATUS, status);
        }
        return changes;
    }

    private static void putIfDifferent(Map<Field, Object> changes, Field field, String value, String old) {
        if (value != null && !value.isBlank() && !value.trim().equals(old)) {
            changes.put(field, value.trim());
        }
    }

    private static boolean administratorsChange(Map<String, ?> variables, Account account) {
        Object value = variables.get(VAR_NEW_ADMINISTRATORS);
        if (value == null || value.toString().isBlank()) {
            return false;
        }
        return !AccountRules.administrators(value, VAR_NEW_ADMINISTRATORS).equals(account.administrators());
    }

    private static AccountStatus newStatus(Map<String, ?> variables) {
        String value = string(variables, VAR_NEW_STATUS);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "BLOCKED" -> AccountStatus.BLOCKED;
            case "ACTIVE" -> AccountStatus.ACTIVE;
            default -> throw new AccountValidationException(VAR_NEW_STATUS,
                    "допустимо: BLOCKED (заблокирован сетью) или ACTIVE (разблокирован)");
        };
    }

    String changeSummary(Account account, Map<String, ?> variables) {
        Map<Field, Object> changes = changes(variables, account);
        List<String> lines = new ArrayList<>();
        changes.forEach((field, value) -> lines.add(fieldTitle(field) + ": "
                + Objects.toString(field.get(account), "—") + " → "
                + (value instanceof NetworkDomains.AccountUrl u ? u.url()
                : value instanceof AccountStatus s ? s.title() : value)));
        if (administratorsChange(variables, account)) {
            lines.add("Администраторы: " + String.join(", ", AccountRules.administrators(
                    variables.get(VAR_NEW_ADMINISTRATORS), VAR_NEW_ADMINISTRATORS)));
        }
        return String.join("\n", lines);
    }

    private static String fieldTitle(Field field) {
        return switch (field) {
            case URL -> "Ссылка";
            case DISPLAY_NAME -> "Название";
            case EXTERNAL_ID -> "Идентификатор в сети";
            case PURPOSE -> "Назначение";
            case STATUS -> "Статус";
            default -> field.key();
        };
    }

    // ---- ACC-4 report ----

    private void prepareReport(DelegateExecution execution, String org, long accountId, AccountReport.ReportKind kind,
                               LocalDate eventOn) {
        OrganizationPolicy.AccountReporting reporting = policies.get(org).accountReporting();
        if (reporting.termKind() == OrganizationPolicy.TermKind.NONE) {
            execution.setVariable(VAR_REPORT_REQUIRED, false);
            return;
        }
        Instant due = deadlines.reportDue(org, reporting.termKind(), reporting.term(), eventOn);
        long reportId = registry.createReport(accountId, org, kind, eventOn, due, reporting.recipient(),
                reporting.recipientOrg(), execution.getProcessInstanceId());
        execution.setVariable(VAR_REPORT_REQUIRED, true);
        setReportVariables(execution, org, reportId, kind, eventOn, due);
    }

    private void setReportVariables(DelegateExecution execution, String org, long reportId,
                                    AccountReport.ReportKind kind, LocalDate eventOn, Instant due) {
        execution.setVariables(Variables.createVariables()
                .putValue(VAR_REPORT_ID, reportId)
                .putValue(VAR_REPORT_KIND, kind.name())
                .putValue(VAR_REPORT_KIND_TITLE, kind.title())
                .putValue(VAR_REPORT_FROM, eventOn.toString())
                .putValue(VAR_EVENT_ON_TEXT, AccountRules.format(eventOn))
                .putValue(VAR_REPORT_DUE_TEXT, due == null ? "без срока" : deadlines.format(due, org)));
    }

    /** ACC-4 (complete of Task_ReportAccount): the registry keeper reported; late when after the term. */
    public void reported(DelegateTask task) {
        long reportId = ((Number) task.getVariable(VAR_REPORT_ID)).longValue();
        String reference = AccountRules.optionalText(string(task, VAR_REPORT_REFERENCE), VAR_REPORT_REFERENCE, 255);
        Instant now = now();
        String actor = actor(task.getAssignee());
        registry.markReported(reportId, now, actor, reference);
        AccountReport report = registry.report(reportId).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("report", report.kind().name());
        values.put("recipient", report.recipient());
        values.put("reportedAt", now.toString());
        values.put("late", report.late());
        registry.audit(report.accountId(), actor, AccountActions.REPORTED, "ACC-4", Map.of(), values, reference);
    }

    /**
     * ACC-4 (BoundaryEvent_ReportOverdue): the term passed without a report. The report counts as late, the
     * breach is recorded against the registry keepers (or whoever holds the task) and they and the head of the
     * body are notified; the task stays open.
     */
    public void reportOverdue(DelegateExecution execution) {
        String org = tenant(execution);
        long reportId = ((Number) execution.getVariable(VAR_REPORT_ID)).longValue();
        AccountReport report = registry.report(reportId).orElseThrow();
        if (report.reportedAt() != null || report.dueAt() == null) {
            return;
        }
        Instant now = now();
        Task task = EngineChecks.withoutChecks(() -> tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(TASK_REPORT).singleResult());
        String keepers = Role.REGISTRY_KEEPER.groupId(org);
        String responsible = task != null && task.getAssignee() != null ? task.getAssignee() : keepers;
        registry.markEscalated(reportId, now);
        if (!registry.recordViolation(report.accountId(), org, AccountViolation.Kind.REPORT_OVERDUE, "ACC-4",
                responsible, report.dueAt(), now)) {
            return;
        }
        Account account = registry.find(report.accountId()).orElseThrow();
        registry.audit(account.id(), "system", AccountActions.REPORT_OVERDUE, "ACC-4", Map.of(),
                Map.of("dueAt", report.dueAt().toString(), "responsible", responsible),
                "Срок сообщения истёк " + deadlines.format(report.dueAt(), org));
        Set<String> users = task != null && task.getAssignee() != null ? Set.of(task.getAssignee()) : Set.of();
        notifier.send(new Notification(org, NotificationKind.DEADLINE_BREACHED, null, task == null ? null : task.getId(),
                users, new LinkedHashSet<>(List.of(keepers, Role.HEAD.groupId(org))),
                "Нарушен срок сообщения об аккаунте — " + account.displayName(),
                "Сведения о " + (report.kind() == AccountReport.ReportKind.CREATED ? "создании" : "удалении")
                        + " аккаунта " + account.url() + " не направлены получателю («" + report.recipient()
                        + "») до " + deadlines.format(report.dueAt(), org) + " (ACC-4). Ответственный: " + responsible
                        + ". Нарушение внесено в реестр."));
        log.info("ACC-4 report {} of account {} is overdue (due {})", reportId, account.id(), report.dueAt());
    }

    // ---- Task_ForwardReport / the recipient's side (ACC-13) ----

    /**
     * ACC-13, ACC-14: hands the report to the recipient that keeps the consolidated registry in this system:
     * starts the recipient's side of the process in the recipient's tenant.
     */
    public void forward(DelegateExecution execution) {
        String org = tenant(execution);
        long reportId = ((Number) execution.getVariable(VAR_REPORT_ID)).longValue();
        AccountReport report = registry.report(reportId).orElseThrow();
        if (report.recipientOrganization() == null || report.recipientProcessInstanceId() != null) {
            return;
        }
        EngineChecks.withoutChecks(() -> runtime.createMessageCorrelation(MESSAGE_ACCOUNT_REPORTED)
                .withoutTenantId()
                .processInstanceBusinessKey("account-" + report.accountId() + "-report-" + reportId)
                .setVariable(VAR_ORGANIZATION, report.recipientOrganization())
                .setVariable(VAR_REPORTING_ORGANIZATION, org)
                .setVariable(VAR_REPORT_ID, reportId)
                .correlateStartMessage());
    }

    /**
     * ACC-13 (Task_ReceiveReport): the recipient's case takes a report addressed to its organization, once;
     * its variables come from the registry, not from whoever sent the message.
     */
    public void receive(DelegateExecution execution) {
        EngineChecks.requireSystem(identity, "Передача сведений в сводный реестр");
        String recipient = tenant(execution);
        Object id = execution.getVariable(VAR_REPORT_ID);
        if (!(id instanceof Number number)) {
            throw new ProcessEngineException("Сведения об аккаунте не указаны");
        }
        AccountReport report = registry.report(number.longValue())
                .filter(r -> recipient.equals(r.recipientOrganization()))
                .orElseThrow(() -> new ProcessEngineException("Сведения " + id + " адресованы не этой организации"));
        if (!registry.linkRecipientProcess(report.id(), execution.getProcessInstanceId())) {
            throw new ProcessEngineException("Сведения " + id + " уже приняты");
        }
        Account account = registry.find(report.accountId()).orElseThrow();
        OrganizationPolicy reporter = policies.get(account.organization());
        execution.setVariables(Variables.createVariables()
                .putValue(VAR_ORGANIZATION, recipient)
                .putValue(VAR_REPORTING_ORGANIZATION, account.organization())
                .putValue(VAR_REPORTING_ORGANIZATION_NAME, reporter.shortName())
                .putValue(VAR_ACCOUNT_ID, account.id())
                .putValue(VAR_REPORT_KIND, report.kind().name())
                .putValue(VAR_REPORT_KIND_TITLE, report.kind().title())
                .putValue(VAR_EVENT_ON_TEXT, AccountRules.format(report.eventOn()))
                .putValue(VAR_NETWORK_TITLE, NetworkDomains.title(account.network()))
                .putValue(VAR_URL, account.url())
                .putValue(VAR_DISPLAY_NAME, account.displayName())
                .putValue(VAR_PURPOSE, account.purpose())
                .putValue(VAR_STATUS_TITLE, account.status().title()));
    }

    /** ACC-13 (complete of Task_EnterConsolidatedRegistry): the media directorate entered the account. */
    public void consolidated(DelegateTask task) {
        long reportId = ((Number) task.getVariable(VAR_REPORT_ID)).longValue();
        AccountReport report = registry.report(reportId).orElseThrow();
        String actor = actor(task.getAssignee());
        registry.markEntered(reportId, now(), actor);
        registry.update(report.accountId(), Map.of(Field.CONSOLIDATED_ON, deadlines.today(task.getTenantId())), actor,
                AccountActions.CONSOLIDATED, "ACC-13", "Внесено в сводный реестр: " + report.kind().title());
    }

    // ---- the end of a case ----

    /**
     * ACC-2 (end of the process): a request whose case ends without being carried out — cancelled in Cockpit —
     * no longer blocks the account; a creation that never happened leaves the entry rejected and frees its URL.
     * A case that ended normally has released its request already.
     */
    public void caseEnded(DelegateExecution execution) {
        Object id = execution.getVariable(VAR_ACCOUNT_ID);
        if (!(id instanceof Number number)) {
            return;
        }
        Account account = registry.find(number.longValue()).orElse(null);
        if (account == null || account.pendingRequest() == null
                || !execution.getProcessInstanceId().equals(account.processInstanceId())) {
            return;
        }
        registry.clearPendingRequest(account.id());
        if (account.status() == AccountStatus.PLANNED) {
            registry.update(account.id(), Map.of(Field.STATUS, AccountStatus.REJECTED), actor(null),
                    AccountActions.CANCELLED, "ACC-2", "Заявка прекращена без решения");
        } else {
            registry.audit(account.id(), actor(null), AccountActions.CANCELLED, "ACC-2", Map.of(),
                    Map.of("request", account.pendingRequest()), "Заявка прекращена без решения");
        }
        log.info("Request {} of account {} ended without a decision (case {})", account.pendingRequest(),
                account.id(), execution.getProcessInstanceId());
    }

    // ---- helpers ----

    /**
     * The Tasklist or engine-REST starter must keep accounts of the organization: an account manager or the
     * registry keeper there, or an administrator. (The tenant id provider trusts the variable
     * {@code organization}; this check keeps a user from starting a request for another organization.)
     */
    private void requireAccountStaff(Authentication starter, String org) {
        if (starter == null) {
            throw new IllegalStateException("A request needs a starter or the account id of a REST request");
        }
        List<String> groups = starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
        List<String> tenants = starter.getTenantIds() == null ? List.of() : starter.getTenantIds();
        boolean admin = groups.contains(Groups.CAMUNDA_ADMIN);
        boolean staff = tenants.contains(org) && (groups.contains(Role.ACCOUNT_MANAGER.groupId(org))
                || groups.contains(Role.REGISTRY_KEEPER.groupId(org)));
        if (!admin && !staff) {
            throw new ProcessEngineException("Пользователь " + starter.getUserId()
                    + " не ведёт аккаунты организации " + org);
        }
    }

    private AccountValidationException duplicate(String field, NetworkDomains.AccountUrl url) {
        Account existing = registry.findLive(url.key()).orElse(null);
        return new AccountValidationException(field, "аккаунт с ссылкой " + url.url() + " уже есть в реестре"
                + (existing == null ? "" : " (№ " + existing.id() + ", " + policies.find(existing.organization())
                .map(OrganizationPolicy::shortName).orElse(existing.organization()) + ")"));
    }

    private void requireFree(NetworkDomains.AccountUrl url, String field) {
        if (registry.findLive(url.key()).isPresent()) {
            throw duplicate(field, url);
        }
    }

    static RequestKind requestKind(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new AccountValidationException(VAR_REQUEST_KIND, "выберите, что требуется: создать, удалить или "
                    + "изменить аккаунт");
        }
        try {
            return RequestKind.valueOf(value.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new AccountValidationException(VAR_REQUEST_KIND, "допустимо: CREATE, DELETE, CHANGE");
        }
    }

    static String tenant(DelegateExecution execution) {
        String tenant = execution.getTenantId();
        if (tenant == null) {
            throw new ProcessEngineException("Не удалось определить организацию заявки: войдите под учётной записью "
                    + "одной организации");
        }
        return tenant;
    }

    private static long accountId(VariableScope scope) {
        Object value = scope.getVariable(VAR_ACCOUNT_ID);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("The instance has no accountId");
        }
        return number.longValue();
    }

    private static String string(Map<String, ?> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    private static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Whoever acts: the current Camunda user, else the given fallback (assignee, requester), else "system". */
    private String actor(String fallback) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return fallback == null || fallback.isBlank() ? "system" : fallback;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
