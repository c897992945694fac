package ru.otklik.content.approval;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import ru.otklik.content.ContentProperties;
import ru.otklik.system.EngineChecks;
import ru.otklik.content.style.StyleChecker;
import ru.otklik.content.style.StyleReport;
import ru.otklik.notification.Notification;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.Notifier;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static ru.otklik.content.approval.ContentApprovalProcess.*;

/**
 * Content approval with ЦУР Кузбасса (ACC-15): the only writer of {@code content_approval} and
 * {@code content_violation}. ЦУР is no tenant: the ministry's staff enter its submissions. The ministry answers
 * operational content within 4 calendar hours and a special project within 3 working days (both terms are
 * written in {@code bpmn/ContentApproval.bpmn}), either «agreed» or one consolidated list of remarks signed by the
 * head; revised content starts a new round. At ЦУР's request the ministry supplies information within the same
 * kind of term.
 */
@Service
public class ContentApprovals {

    private static final String COLUMNS = "id, organization_id, kind, title, content, submitted_at, submitted_by, "
            + "round, round_started_at, due_at, status, remarks, answer, decided_by, decided_at, late, "
            + "process_instance_id";
    private static final int MAX_CONTENT = 20000;
    private static final DateTimeFormatter RU_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final StyleChecker styleChecker;
    private final Notifier notifier;
    private final OrganizationPolicies policies;
    private final ContentProperties properties;

    public ContentApprovals(JdbcClient jdbc, RuntimeService runtime, TaskService tasks, IdentityService identity,
                            StyleChecker styleChecker, Notifier notifier, OrganizationPolicies policies,
                            ContentProperties properties) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.styleChecker = styleChecker;
        this.notifier = notifier;
        this.policies = policies;
        this.properties = properties;
    }

    /** What the submission's REST call answers. */
    public record Receipt(long id, String processInstanceId, ContentApprovalKind kind, Instant submittedAt,
                          Instant dueAt, String styleSummary) {
    }

    /**
     * ACC-15: a ministry employee (account manager, intake or OTO specialist) enters ЦУР's submission or request;
     * starts {@code ContentApproval} in the ministry's tenant.
     *
     * @throws InvalidFieldException naming the field; nothing is stored
     */
    public Receipt submit(NewContentApproval input, Staff staff) {
        String org = input.org() == null ? null : input.org().trim();
        if (org == null || org.isEmpty()) {
            throw new InvalidFieldException("org", "укажите организацию");
        }
        if (!properties.approvalOrganizations().contains(org) || !policies.exists(org)) {
            throw new InvalidFieldException("org", "согласование материалов с ЦУР Кузбасса для организации «" + org
                    + "» не предусмотрено (ACC-15)");
        }
        staff.requireRole(org, Role.ACCOUNT_MANAGER, Role.INTAKE, Role.SPECIALIST, Role.HEAD);
        ContentApprovalKind kind = kind(input.kind());
        String title = text(input.title(), 500, "title", "укажите название материала или запроса");
        String content = text(input.content(), MAX_CONTENT, "content",
                kind == ContentApprovalKind.INFORMATION_REQUEST ? "укажите, какая информация запрошена"
                        : "вставьте текст материала");
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_ORGANIZATION, org);
        variables.put(VAR_KIND, kind.name());
        variables.put(VAR_TITLE, title);
        variables.put(VAR_CONTENT, content);
        variables.put(VAR_SUBMITTED_BY, staff.userId());
        variables.put(VAR_OPERATIONAL, kind == ContentApprovalKind.OPERATIONAL
                || (kind == ContentApprovalKind.INFORMATION_REQUEST && Boolean.TRUE.equals(input.urgent())));
        ProcessInstance instance = EngineChecks.withoutChecks(
                () -> runtime.startProcessInstanceByKey(PROCESS_KEY, variables));
        long id = ((Number) runtime.getVariable(instance.getId(), VAR_APPROVAL_ID)).longValue();
        ContentApproval saved = find(id).orElseThrow();
        Object summary = runtime.getVariable(instance.getId(), VAR_STYLE_SUMMARY);
        return new Receipt(id, instance.getId(), kind, saved.submittedAt(), saved.dueAt(),
                summary == null ? null : summary.toString());
    }

    /**
     * Task_RegisterSubmission (ACC-15): enters the submission in the registry; round 1 starts now. A start from
     * Tasklist (form «Материал или запрос ЦУР Кузбасса») gets the organization from the starter's tenant; the
     * starter must be the ministry's account manager, intake, ОТО specialist or head.
     */
    public void register(DelegateExecution execution) {
        Object variable = execution.getVariable(VAR_ORGANIZATION);
        String org = variable instanceof String s && !s.isBlank() ? s : execution.getTenantId();
        if (org == null || !properties.approvalOrganizations().contains(org)) {
            throw new ProcessEngineException("Согласование материалов с ЦУР Кузбасса для организации «" + org
                    + "» не предусмотрено (ACC-15)");
        }
        Authentication starter = identity.getCurrentAuthentication();
        if (starter != null) {
            requireSubmitter(starter, org);
        }
        ContentApprovalKind kind;
        String title;
        String content;
        try {
            kind = kind((String) execution.getVariable(VAR_KIND));
            title = text((String) execution.getVariable(VAR_TITLE), 500, "title", "Укажите название материала");
            content = text((String) execution.getVariable(VAR_CONTENT), MAX_CONTENT, "content", "Вставьте текст");
        } catch (InvalidFieldException e) {
            throw new ProcessEngineException(e.getMessage());
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Object by = execution.getVariable(VAR_SUBMITTED_BY);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO content_approval (organization_id, kind, title, content, submitted_at, submitted_by,
                                                      round, round_started_at, status, late, process_instance_id)
                        VALUES (?, ?, ?, ?, ?, ?, 1, ?, 'IN_REVIEW', FALSE, ?)""")
                .params(org, kind.name(), title, content, utc(now), by == null ? "system" : by.toString(), utc(now),
                        execution.getProcessInstanceId())
                .update(keys, "id");
        execution.setVariable(VAR_ORGANIZATION, org);
        execution.setVariable(VAR_TITLE, title);
        execution.setVariable(VAR_CONTENT, content);
        execution.setVariable(VAR_APPROVAL_ID, keys.getKey().longValue());
        execution.setVariable(VAR_ROUND, 1);
        execution.setVariable(VAR_ROUND_STARTED_AT, Date.from(now));
        execution.setVariable(VAR_KIND_TITLE, kind.title());
        if (!(execution.getVariable(VAR_OPERATIONAL) instanceof Boolean)) {
            execution.setVariable(VAR_OPERATIONAL, kind == ContentApprovalKind.OPERATIONAL
                    || (kind == ContentApprovalKind.INFORMATION_REQUEST
                    && Boolean.TRUE.equals(execution.getVariable(VAR_URGENT))));
        }
    }

    /** ACC-15: who may enter ЦУР's material for the ministry (also keeps a Tasklist start inside its tenant). */
    private static void requireSubmitter(Authentication starter, String org) {
        List<String> groups = starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
        List<String> tenants = starter.getTenantIds() == null ? List.of() : starter.getTenantIds();
        boolean admin = groups.contains(Groups.CAMUNDA_ADMIN);
        boolean staff = tenants.contains(org) && Stream.of(Role.ACCOUNT_MANAGER, Role.INTAKE,
                Role.SPECIALIST, Role.HEAD).anyMatch(r -> groups.contains(r.groupId(org)));
        if (!admin && !staff) {
            throw new ProcessEngineException("Пользователь " + starter.getUserId()
                    + " не вносит материалы ЦУР Кузбасса за организацию " + org + " (ACC-15)");
        }
    }

    /**
     * Task_ReviewContent and Task_SupplyInformation, on create: the term of the round (the task's due date, from
     * the diagram) goes to the registry; for content, the style check (ACC-11) goes to the form.
     */
    public void opened(DelegateTask task) {
        long id = approvalId(task);
        jdbc.sql("UPDATE content_approval SET due_at = ?, status = ? WHERE id = ?")
                .params(task.getDueDate() == null ? null : utc(task.getDueDate().toInstant()),
                        TASK_SUPPLY.equals(task.getTaskDefinitionKey()) ? "REQUESTED" : "IN_REVIEW", id)
                .update();
        if (TASK_REVIEW.equals(task.getTaskDefinitionKey())) {
            StyleReport report = styleChecker.check((String) task.getVariable(VAR_CONTENT));
            task.setVariable(VAR_STYLE_SUMMARY, report.summary());
            task.setVariable(VAR_STYLE_WARNINGS, warnings(report));
            task.setVariable(VAR_DECISION, null);
            task.setVariable(VAR_REMARKS, null);
        }
    }

    /** ACC-11: the warnings as lines for a read-only form field. */
    static String warnings(StyleReport report) {
        return ru.otklik.content.style.StyleFormText.warnings(report);
    }

    /**
     * Task_ReviewContent, on complete (ACC-15): «agreed», or one consolidated list of remarks that only the head
     * of the ministry may sign. An answer after the term is marked late.
     */
    public void decided(DelegateTask task) {
        String decision = task.getVariable(VAR_DECISION) == null ? null : task.getVariable(VAR_DECISION).toString();
        String user = actor(task);
        String org = (String) task.getVariable(VAR_ORGANIZATION);
        String remarks = null;
        if (DECISION_REMARKS.equals(decision)) {
            if (!isHead(user, org)) {
                throw new ProcessEngineException("Замечания к материалу ЦУР направляет только руководитель (ACC-15): "
                        + "сводный перечень подписывает руководитель министерства");
            }
            Object raw = task.getVariable(VAR_REMARKS);
            if (raw == null || raw.toString().isBlank()) {
                throw new ProcessEngineException("Укажите сводный перечень замечаний одним документом (ACC-15)");
            }
            remarks = raw.toString().trim();
            if (remarks.length() > MAX_CONTENT) {
                throw new ProcessEngineException("Перечень замечаний длиннее " + MAX_CONTENT + " символов");
            }
        } else if (!DECISION_AGREED.equals(decision)) {
            throw new ProcessEngineException("Выберите решение: «Согласовано» или «Сводный перечень замечаний»");
        }
        answered(task, DECISION_AGREED.equals(decision) ? "AGREED" : "REMARKS", remarks, null, user);
    }

    /** Task_SupplyInformation, on complete (ACC-15): the information supplied to ЦУР. */
    public void supplied(DelegateTask task) {
        Object raw = task.getVariable(VAR_ANSWER);
        if (raw == null || raw.toString().isBlank()) {
            throw new ProcessEngineException("Укажите предоставленную информацию (ACC-15)");
        }
        answered(task, "ANSWERED", null, raw.toString().trim(), actor(task));
    }

    private void answered(DelegateTask task, String status, String remarks, String answer, String user) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        boolean late = task.getDueDate() != null && now.isAfter(task.getDueDate().toInstant());
        jdbc.sql("""
                        UPDATE content_approval SET status = ?, remarks = COALESCE(?, remarks), answer = COALESCE(?, answer),
                               decided_by = ?, decided_at = ?, late = (late OR ?)
                        WHERE id = ?""")
                .params(status, remarks, answer, user, utc(now), late, approvalId(task)).update();
    }

    /** Task_EnterRevisedContent, on complete (ACC-15): ЦУР's revised material opens the next round now. */
    public void revised(DelegateTask task) {
        Object raw = task.getVariable(VAR_REVISED_CONTENT);
        if (raw == null || raw.toString().isBlank()) {
            throw new ProcessEngineException("Вставьте доработанный текст материала ЦУР");
        }
        String content = raw.toString().trim();
        if (content.length() > MAX_CONTENT) {
            throw new ProcessEngineException("Текст длиннее " + MAX_CONTENT + " символов");
        }
        int round = ((Number) task.getVariable(VAR_ROUND)).intValue() + 1;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        task.setVariable(VAR_CONTENT, content);
        task.setVariable(VAR_ROUND, round);
        task.setVariable(VAR_ROUND_STARTED_AT, Date.from(now));
        task.setVariable(VAR_REVISED_CONTENT, null);
        jdbc.sql("UPDATE content_approval SET content = ?, round = ?, round_started_at = ?, status = 'IN_REVIEW', "
                        + "decided_by = NULL, decided_at = NULL WHERE id = ?")
                .params(content, round, utc(now), approvalId(task)).update();
    }

    /**
     * Task_RecordReviewViolation, Task_RecordInformationViolation (ACC-15): the term passed without an answer;
     * records the violation against whoever holds the task and notifies the head and the account managers.
     */
    public void overdue(DelegateExecution execution, String taskDefinitionKey) {
        long id = ((Number) execution.getVariable(VAR_APPROVAL_ID)).longValue();
        ContentApproval approval = find(id).orElseThrow();
        String org = approval.organization();
        Task open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        String responsible = open == null ? null : open.getAssignee();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = approval.dueAt() != null ? approval.dueAt() : now;
        String what = approval.kind() == ContentApprovalKind.INFORMATION_REQUEST
                ? "Не предоставлена информация по запросу ЦУР Кузбасса"
                : "Не дан ответ ЦУР Кузбасса по материалу (" + approval.kind().title() + ", круг " + approval.round() + ")";
        ZoneId zone = policies.get(org).zone();
        String description = what + " «" + approval.title() + "»; срок истёк " + RU_TIME.format(due.atZone(zone));
        jdbc.sql("""
                        INSERT INTO content_violation (organization_id, approval_id, rule_id, round, due_at, recorded_at,
                                                       responsible, description)
                        VALUES (?, ?, 'ACC-15', ?, ?, ?, ?, ?)""")
                .params(org, id, approval.round(), utc(due), utc(now), responsible, description).update();
        notifier.send(new Notification(org, NotificationKind.DEADLINE_BREACHED, null,
                open == null ? null : open.getId(), responsible == null ? Set.of() : Set.of(responsible),
                Set.of(Role.HEAD.groupId(org), Role.ACCOUNT_MANAGER.groupId(org)),
                "Нарушен срок ответа ЦУР Кузбасса (ACC-15)", description + "."));
    }

    /** Violations of the organization, newest first. */
    public List<Map<String, Object>> violations(long approvalId) {
        return jdbc.sql("SELECT rule_id, round, due_at, recorded_at, responsible, description FROM content_violation "
                + "WHERE approval_id = ? ORDER BY id").param(approvalId).query().listOfRows();
    }

    public Optional<ContentApproval> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM content_approval WHERE id = ?").param(id)
                .query(ContentApprovals::map).optional();
    }

    /** The entry, or 404 also when the user may not read it. */
    public ContentApproval readable(long id, Staff staff) {
        return find(id).filter(a -> staff.belongsTo(a.organization()))
                .orElseThrow(() -> new ru.otklik.web.NotFoundException("Материал №" + id + " не найден"));
    }

    private boolean isHead(String user, String org) {
        String headGroup = Role.HEAD.groupId(org);
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && user != null && user.equals(current.getUserId()) && current.getGroupIds() != null) {
            return current.getGroupIds().contains(headGroup);
        }
        if (user == null) {
            return false;
        }
        return EngineChecks.withoutChecks(() -> identity.createGroupQuery().groupMember(user).list()).stream()
                .map(Group::getId).anyMatch(headGroup::equals);
    }

    private String actor(DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee();
    }

    private static long approvalId(DelegateTask task) {
        return ((Number) task.getVariable(VAR_APPROVAL_ID)).longValue();
    }

    static ContentApprovalKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException("kind", "укажите вид: OPERATIONAL, SPECIAL_PROJECT или INFORMATION_REQUEST");
        }
        try {
            return ContentApprovalKind.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("kind", "недопустимый вид «" + raw
                    + "»; допустимы OPERATIONAL, SPECIAL_PROJECT, INFORMATION_REQUEST");
        }
    }

    private static String text(String raw, int max, String field, String missing) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, missing);
        }
        String value = raw.trim();
        if (value.length() > max) {
            throw new InvalidFieldException(field, "не длиннее " + max + " символов");
        }
        return value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static ContentApproval map(ResultSet rs, int row) throws SQLException {
        return new ContentApproval(rs.getLong("id"), rs.getString("organization_id"),
                ContentApprovalKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("content"),
                instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getInt("round"),
                instant(rs, "round_started_at"), instant(rs, "due_at"), rs.getString("status"),
                rs.getString("remarks"), rs.getString("answer"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getBoolean("late"), rs.getString("process_instance_id"));
    }
}
