package ru.otklik.report;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import ru.otklik.notification.Notification;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.Notifier;
import ru.otklik.organization.Role;
import ru.otklik.system.EngineChecks;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static ru.otklik.report.MonthlySummaryProcess.*;

/**
 * The deadlines of the summary's steps (MSG-25, MSG-27, MSG-28), escalating like the message deadlines
 * (MSG-24): a warning to whoever holds the task; at the deadline the supervisor and the coordinator are told
 * and the task moves up in Tasklist. The work goes on.
 */
@Service
public class SummaryEscalations {

    static final int OVERDUE_PRIORITY = 90;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final TaskService tasks;
    private final Notifier notifier;

    public SummaryEscalations(TaskService tasks, Notifier notifier) {
        this.tasks = tasks;
        this.notifier = notifier;
    }

    /** The deadline of the watched task is near: its holder is told. */
    public void warn(String processInstanceId, String organization, String taskKey, String monthTitle) {
        for (Task task : open(processInstanceId, taskKey)) {
            Holder holder = holder(task);
            notifier.send(new Notification(organization, NotificationKind.DEADLINE_WARNING, null, task.getId(),
                    holder.users, holder.groups, "Срок истекает: " + task.getName() + " за " + monthTitle,
                    "Задача «" + task.getName() + "» должна быть выполнена до " + due(task) + " (MSG-25, MSG-28)."));
        }
    }

    /** The deadline of the watched task passed: the supervisor and the coordinator are told (MSG-24). */
    public void escalate(String processInstanceId, String organization, String taskKey, String monthTitle) {
        for (Task task : open(processInstanceId, taskKey)) {
            Set<String> groups = new LinkedHashSet<>(supervisors(organization, taskKey));
            if (task.getPriority() < OVERDUE_PRIORITY) {
                EngineChecks.withoutChecks(() -> tasks.setPriority(task.getId(), OVERDUE_PRIORITY));
            }
            notifier.send(new Notification(organization, NotificationKind.DEADLINE_BREACHED, null, task.getId(),
                    Set.of(), groups, "Нарушен срок: " + task.getName() + " за " + monthTitle,
                    "Срок " + due(task) + " истёк, задача «" + task.getName() + "» не выполнена. Исполнитель: "
                            + holder(task).label + "."));
        }
    }

    /** Who is told of a breach: the supervisor of the step's holder and the coordinator (with the substitute). */
    static Set<String> supervisors(String org, String taskKey) {
        Set<String> groups = new LinkedHashSet<>();
        // the specialists' supervisor is the coordinator; the coordinator's and the head's case goes to the head
        if (!TASK_REVIEW.equals(taskKey)) {
            groups.add(Role.HEAD.groupId(org));
        }
        groups.add(Role.COORDINATOR.groupId(org));
        groups.add(Role.COORDINATOR_SUBSTITUTE.groupId(org));
        return groups;
    }

    private List<Task> open(String processInstanceId, String taskKey) {
        return EngineChecks.withoutChecks(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).list());
    }

    private String due(Task task) {
        return task.getDueDate() == null ? "—"
                : TIME.format(task.getDueDate().toInstant().atZone(ZoneId.of("Asia/Novokuznetsk")));
    }

    private Holder holder(Task task) {
        if (task.getAssignee() != null) {
            return new Holder(Set.of(task.getAssignee()), Set.of(), task.getAssignee());
        }
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : EngineChecks.withoutChecks(() -> tasks.getIdentityLinksForTask(task.getId()))) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return new Holder(Set.of(), groups, String.join(", ", groups));
    }

    private record Holder(Set<String> users, Set<String> groups, String label) {
    }
}
