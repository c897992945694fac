package ru.otklik.message;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;
import ru.otklik.system.EngineChecks;
import ru.otklik.web.InvalidFieldException;
import ru.otklik.web.NotFoundException;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * The absence register (MSG-3, MSG-8) and what an absence does to the work: while the coordinator is away the
 * substitute (the head of ОТО in ZAGS) takes the coordinator's tasks with the same powers; while a department head
 * is away the message goes straight to the department's executors. Tasks already open when an absence is entered
 * are reassigned at once, tasks open when an absence entered in advance begins by the hourly check of each case
 * ({@code Task_ReassignAbsent}); receipt tasks take the register into account when they are created.
 */
@Service("absenceRegister")
public class AbsenceRegister {

    private final JdbcClient jdbc;
    private final OrganizationPolicies policies;
    private final TaskService tasks;
    private final IdentityService identity;
    private final MessageRegistry registry;

    public AbsenceRegister(JdbcClient jdbc, OrganizationPolicies policies, TaskService tasks, IdentityService identity,
                           MessageRegistry registry) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.tasks = tasks;
        this.identity = identity;
        this.registry = registry;
    }

    /**
     * MSG-3: enters an absence. The coordinator, the substitute and administrators keep the register.
     *
     * @throws InvalidFieldException when a field is missing or the period is reversed (400)
     */
    @Transactional
    public Absence add(AbsenceRequest request, Staff staff) {
        String org = required(request.org(), "org");
        policies.get(org);
        staff.requireRole(org, Role.COORDINATOR, Role.COORDINATOR_SUBSTITUTE);
        String userId = required(request.userId(), "userId");
        if (request.from() == null) {
            throw new InvalidFieldException("from", "обязательное поле: первый день отсутствия");
        }
        if (request.to() == null) {
            throw new InvalidFieldException("to", "обязательное поле: последний день отсутствия");
        }
        if (request.to().isBefore(request.from())) {
            throw new InvalidFieldException("to", "последний день отсутствия раньше первого");
        }
        // The working-time calendar, which the register serves, covers 2000–2099.
        if (request.from().getYear() < 2000) {
            throw new InvalidFieldException("from", "первый день отсутствия раньше 2000 года");
        }
        if (request.to().getYear() > 2099) {
            throw new InvalidFieldException("to", "последний день отсутствия позже 2099 года");
        }
        AbsenceReason reason;
        try {
            reason = AbsenceReason.valueOf(required(request.reason(), "reason").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("reason", "допустимо: LEAVE, ILLNESS, BUSINESS_TRIP");
        }
        User user = EngineChecks.withoutChecks(() -> identity.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            throw new InvalidFieldException("userId", "нет такого сотрудника организации");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO staff_absence (organization_id, user_id, from_date, to_date, reason, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(org, userId, Date.valueOf(request.from()), Date.valueOf(request.to()), reason.name(),
                        staff.userId(), MessageRegistry.utc(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class) == null ? key.getKey().longValue() : key.getKeyAs(Number.class).longValue();
        reassignOpenTasks(org, now);
        return find(id).orElseThrow();
    }

    /** The absences of an organization, latest first. */
    public List<Absence> list(String org, Staff staff) {
        policies.get(org);
        staff.requireOrganization(org);
        return jdbc.sql("SELECT * FROM staff_absence WHERE organization_id = ? ORDER BY from_date DESC, id DESC")
                .param(org).query(this::absence).list();
    }

    /** Removes an absence entered by mistake. */
    @Transactional
    public void delete(long id, Staff staff) {
        Absence absence = find(id).orElseThrow(() -> new NotFoundException("Нет записи об отсутствии " + id));
        staff.requireRole(absence.organization(), Role.COORDINATOR, Role.COORDINATOR_SUBSTITUTE);
        jdbc.sql("DELETE FROM staff_absence WHERE id = ?").param(id).update();
    }

    java.util.Optional<Absence> find(long id) {
        return jdbc.sql("SELECT * FROM staff_absence WHERE id = ?").param(id).query(this::absence).optional();
    }

    /** MSG-3, MSG-8: whether the user is away at that instant (its date in the organization's zone). */
    public boolean isAbsent(String org, String userId, Instant at) {
        LocalDate day = at.atZone(policies.get(org).zone()).toLocalDate();
        long count = jdbc.sql("SELECT COUNT(*) FROM staff_absence WHERE organization_id = ? AND user_id = ? "
                        + "AND from_date <= ? AND to_date >= ?")
                .params(org, userId, Date.valueOf(day), Date.valueOf(day)).query(Long.class).single();
        return count > 0;
    }

    /** MSG-8: whether every head of the department is away, so that the message goes straight to its executors. */
    public boolean allHeadsAbsent(String org, String department, Instant at) {
        List<User> heads = EngineChecks.withoutChecks(() -> identity.createUserQuery()
                .memberOfGroup(Role.DEPARTMENT_HEAD.groupId(org, department)).list());
        return !heads.isEmpty() && heads.stream().allMatch(h -> isAbsent(org, h.getId(), at));
    }

    /**
     * MSG-8: the candidate groups of a receipt task: the department's heads and executors, or the executors alone
     * while every head is away. For BPMN: {@code ${absenceRegister.receiptGroups(execution, department)}}.
     */
    public List<String> receiptGroups(org.camunda.bpm.engine.delegate.DelegateExecution execution, String department) {
        String org = execution.getTenantId();
        List<String> groups = new ArrayList<>();
        if (!allHeadsAbsent(org, department, ClockUtil.getCurrentTime().toInstant())) {
            groups.add(Role.DEPARTMENT_HEAD.groupId(org, department));
        }
        groups.add(Role.EXECUTOR.groupId(org, department));
        return groups;
    }

    /**
     * MSG-3, MSG-8: open tasks of the organization's cases held by someone away go back to their groups; a
     * coordinator's task goes to the substitute when there is exactly one; a receipt task whose department heads
     * are all away is offered to the executors only.
     */
    @Transactional
    public void reassignOpenTasks(String org, Instant now) {
        reassign(org, EngineChecks.withoutChecks(() -> new ArrayList<>(tasks.createTaskQuery().tenantIdIn(org)
                .processDefinitionKey(PROCESS_KEY).active().list())), now);
    }

    /** MSG-3, MSG-8: as {@link #reassignOpenTasks(String, Instant)}, for the open tasks of one case. */
    @Transactional
    public void reassignOpenTasks(String org, String processInstanceId, Instant now) {
        reassign(org, EngineChecks.withoutChecks(() -> new ArrayList<>(tasks.createTaskQuery()
                .processInstanceId(processInstanceId).active().list())), now);
    }

    private void reassign(String org, List<Task> open, Instant now) {
        String coordinators = Role.COORDINATOR.groupId(org);
        List<User> substitutes = EngineChecks.withoutChecks(() -> identity.createUserQuery()
                .memberOfGroup(Role.COORDINATOR_SUBSTITUTE.groupId(org)).list()).stream()
                .filter(u -> !isAbsent(org, u.getId(), now)).toList();
        for (Task task : open) {
            String assignee = task.getAssignee();
            if (assignee != null && isAbsent(org, assignee, now)) {
                boolean coordinator = EngineChecks.withoutChecks(() -> identity.createUserQuery().userId(assignee)
                        .memberOfGroup(coordinators).count()) > 0;
                String next = coordinator && substitutes.size() == 1 ? substitutes.get(0).getId() : null;
                EngineChecks.withoutChecks(() -> tasks.setAssignee(task.getId(), next));
                journal(task, "Задача «" + task.getName() + "» передана от отсутствующего " + assignee
                        + (next == null ? " группе исполнителей" : " замещающему " + next), now);
            }
            if (TASK_RECEIVE.equals(task.getTaskDefinitionKey()) || TASK_RECEIVE_PART.equals(task.getTaskDefinitionKey())) {
                Object department = EngineChecks.withoutChecks(() -> tasks.getVariable(task.getId(), VAR_DEPARTMENT));
                if (department != null && allHeadsAbsent(org, department.toString(), now)) {
                    EngineChecks.withoutChecks(() -> tasks.deleteCandidateGroup(task.getId(),
                            Role.DEPARTMENT_HEAD.groupId(org, department.toString())));
                }
            }
        }
    }

    private void journal(Task task, String details, Instant now) {
        Object messageId = EngineChecks.withoutChecks(() -> tasks.getVariable(task.getId(), VAR_MESSAGE_ID));
        if (messageId instanceof Number id) {
            registry.appendEvent(id.longValue(), "reassigned", null, now, "MSG-3", details);
        }
    }

    private Absence absence(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Absence(rs.getLong("id"), rs.getString("organization_id"), rs.getString("user_id"),
                rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                AbsenceReason.valueOf(rs.getString("reason")), rs.getString("created_by"),
                MessageRegistry.instant(rs, "created_at"));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "обязательное поле");
        }
        return value.trim();
    }
}
