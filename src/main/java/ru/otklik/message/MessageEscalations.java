package ru.otklik.message;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.notification.Notification;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.Notifier;
import ru.otklik.organization.Role;
import ru.otklik.system.EngineChecks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * What happens when a deadline nears or passes (MSG-24, MSG-27), and the immediate report of elevated
 * importance (MSG-26). Nothing here stops the work: the case goes on after a breach.
 */
@Service
public class MessageEscalations {

    private static final Logger log = LoggerFactory.getLogger(MessageEscalations.class);
    /** Tasks of a breached deadline move up in Tasklist (the engine's default is 50). */
    static final int OVERDUE_PRIORITY = 90;
    /** The user tasks inside the answer subprocess, which the answer deadline (MSG-11, MSG-12) spans. */
    static final List<String> ANSWER_TASKS = List.of(TASK_RECEIVE, TASK_DRAFT, TASK_APPROVE, TASK_REWORK, TASK_POST,
            TASK_REROUTE, TASK_RECEIVE_PART, TASK_PREPARE_PART, TASK_COMPOSE_JOINT);

    private final MessageRegistry registry;
    private final MessageDeadlines deadlines;
    private final Notifier notifier;
    private final TaskService tasks;

    public MessageEscalations(MessageRegistry registry, MessageDeadlines deadlines, Notifier notifier,
                              TaskService tasks) {
        this.registry = registry;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.tasks = tasks;
    }

    /**
     * The case as the escalations need it.
     *
     * @param businessKey  the registration number, as the case carries it: warnings and breaches name the message by
     *                     it without reading the registry entry
     * @param department   the responsible department; inside a department's part of a joint answer, that department
     * @param registeredBy the ОТО specialist who registered the message in Tasklist, if any (MSG-24)
     */
    public record Case(long messageId, String businessKey, String organization, String processInstanceId,
                       String department, Importance importance, boolean shortened, Instant answerDue,
                       String registeredBy) {
    }

    /**
     * MSG-24: the deadline of a step is near; whoever holds its task (the assignee, or its candidate groups
     * while nobody has claimed it) is told when it falls due.
     */
    @Transactional
    public void warn(Case c, MessageStep step) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<Task> open = openTasks(c, step);
        if (open.isEmpty()) {
            log.debug("No open task of step {} in case {}: no warning", step, c.processInstanceId());
            return;
        }
        ZoneId zone = deadlines.zone(c.organization());
        String rule = ruleId(c, step);
        for (Task task : open) {
            Instant due = due(c, step, task);
            Holder holder = holder(task);
            Set<String> groups = holder.users().isEmpty() && holder.groups().isEmpty()
                    ? Set.of(Role.COORDINATOR.groupId(c.organization())) : holder.groups();
            registry.appendEvent(c.messageId(), MessageEvents.WARNING, holder.label(), now, rule,
                    "Срок «" + step.title() + "» истекает " + Instants.format(due, zone));
            notifier.send(new Notification(c.organization(), NotificationKind.DEADLINE_WARNING, c.messageId(),
                    task.getId(), holder.users(), groups,
                    "Срок истекает: " + step.title() + " — сообщение " + c.businessKey(),
                    "Задача «" + task.getName() + "» должна быть выполнена до " + Instants.format(due, zone)
                            + " (" + rule + ")."));
        }
    }

    /**
     * MSG-24, MSG-27: the deadline of a step passed. The registry marks the step overdue and records the
     * breach against the person responsible (the assignee, or the candidate groups while unclaimed); the
     * responsible person's supervisor and the coordinator (with the substitute, MSG-3) are notified; the
     * task moves up in Tasklist. The work goes on.
     */
    @Transactional
    public void escalate(Case c, MessageStep step) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<Task> open = openTasks(c, step);
        ZoneId zone = deadlines.zone(c.organization());
        String rule = ruleId(c, step);
        if (open.isEmpty()) {
            // The answer deadline passed between two tasks (e.g. an asynchronous step): still a breach.
            Instant due = c.answerDue();
            if (step == MessageStep.ANSWER && due != null) {
                breach(c, step, rule, null, new Holder(Set.of(), Set.of(), "—"), due, now, zone);
            }
            return;
        }
        for (Task task : open) {
            breach(c, step, rule, task, responsible(c, step, task), due(c, step, task), now, zone);
        }
    }

    /**
     * MSG-24: who answers for a breached step. The ОТО specialists answer for the routing deadlines (MSG-8,
     * MSG-10): the specialist who registered the message, or the specialists' group for a message reported by
     * monitoring; every other step is answered for by whoever holds its task (read only then: a routing breach
     * needs no candidate groups). The coordinator answers for the organization of the work as a whole and is told
     * of every breach.
     */
    private Holder responsible(Case c, MessageStep step, Task task) {
        if (step == MessageStep.ROUTING) {
            String specialist = c.registeredBy();
            return specialist != null
                    ? new Holder(Set.of(specialist), Set.of(), specialist)
                    : new Holder(Set.of(), Set.of(Role.SPECIALIST.groupId(c.organization())),
                    Role.SPECIALIST.groupId(c.organization()));
        }
        return holder(task);
    }

    private void breach(Case c, MessageStep step, String rule, Task task, Holder holder,
                        Instant due, Instant now, ZoneId zone) {
        String scope = step == MessageStep.PART ? c.department() : "";
        if (!registry.recordViolation(c.messageId(), step, scope, rule, holder.label(), due, now)) {
            return;
        }
        if (task != null && task.getPriority() < OVERDUE_PRIORITY) {
            EngineChecks.withoutChecks(() -> tasks.setPriority(task.getId(), OVERDUE_PRIORITY));
        }
        Set<String> groups = supervisors(c, step);
        notifier.send(new Notification(c.organization(), NotificationKind.DEADLINE_BREACHED, c.messageId(),
                task == null ? null : task.getId(), Set.of(), groups,
                "Нарушен срок: " + step.title() + " — сообщение " + c.businessKey(),
                "Срок " + Instants.format(due, zone) + " (" + rule + ") истёк"
                        + (task == null ? "" : ", задача «" + task.getName() + "» не выполнена")
                        + ". Ответственный: " + holder.label() + ". Нарушение внесено в реестр (MSG-27)."));
        log.info("Deadline {} of message {} breached (due {}, responsible {})", step.key(), c.businessKey(), due,
                holder.label());
    }

    /**
     * MSG-26: a message of elevated importance is reported at once to the coordinator (and the substitute,
     * MSG-3) and to the head of the body. The head acknowledges it in Tasklist.
     */
    @Transactional
    public void reportElevated(Case c) {
        MessageEntry entry = entry(c);
        ZoneId zone = deadlines.zone(c.organization());
        String org = c.organization();
        Set<String> groups = new LinkedHashSet<>(List.of(Role.COORDINATOR.groupId(org),
                Role.COORDINATOR_SUBSTITUTE.groupId(org), Role.HEAD.groupId(org)));
        String text = entry.text().length() > 500 ? entry.text().substring(0, 500) + "…" : entry.text();
        notifier.send(new Notification(org, NotificationKind.ELEVATED_IMPORTANCE, c.messageId(), null, Set.of(), groups,
                "Сообщение повышенной важности — " + entry.businessKey(),
                "Сеть: " + entry.network() + (entry.url() == null ? "" : ", ссылка: " + entry.url())
                        + (entry.authorName() == null ? "" : ", автор: " + entry.authorName())
                        + (entry.topic() == null ? "" : ", тема: " + entry.topic())
                        + (entry.location() == null ? "" : ", место: " + entry.location())
                        + ". Обнаружено " + Instants.format(entry.detectedAt(), zone)
                        + ", ответ не позднее " + Instants.format(c.answerDue(), zone) + " (MSG-12). Текст: " + text));
        registry.appendEvent(c.messageId(), MessageEvents.ELEVATED_REPORTED, null,
                ClockUtil.getCurrentTime().toInstant(), "MSG-26", "Доложено: " + String.join(", ", groups));
    }

    /** Who must know of a breach besides the task (MSG-24): the supervisor and the coordinator. */
    static Set<String> supervisors(Case c, MessageStep step) {
        String org = c.organization();
        Set<String> groups = new LinkedHashSet<>();
        switch (step) {
            // the executor's supervisor is the head of the department
            case DRAFT, REWORK, PART, RETURN -> groups.add(Role.DEPARTMENT_HEAD.groupId(org, c.department()));
            // the specialists' supervisor is the head of ОТО, who is the coordinator's substitute (MSG-3)
            case POSTING, REROUTE -> groups.add(Role.COORDINATOR_SUBSTITUTE.groupId(org));
            // the coordinator's and the approvers' supervisor, and of the case as a whole: the head of the body
            case ROUTING, APPROVAL, ANSWER -> groups.add(Role.HEAD.groupId(org));
        }
        groups.add(Role.COORDINATOR.groupId(org));
        groups.add(Role.COORDINATOR_SUBSTITUTE.groupId(org));
        return groups;
    }

    private static String ruleId(Case c, MessageStep step) {
        if (step == MessageStep.ANSWER && c.shortened()) {
            return "MSG-8";
        }
        return step.ruleId(c.importance());
    }

    private MessageEntry entry(Case c) {
        return registry.find(c.messageId())
                .orElseThrow(() -> new IllegalStateException("Message " + c.messageId() + " is not in the registry"));
    }

    private List<Task> openTasks(Case c, MessageStep step) {
        List<String> keys = step == MessageStep.ANSWER ? ANSWER_TASKS
                : taskOfStep(step).map(List::of).orElse(List.of());
        List<Task> open = EngineChecks.withoutChecks(() -> new ArrayList<>(tasks.createTaskQuery()
                .processInstanceId(c.processInstanceId())
                .taskDefinitionKeyIn(keys.toArray(String[]::new))
                .active().orderByTaskCreateTime().asc().list()));
        if (step == MessageStep.PART && c.department() != null) {
            // MSG-18: each department's part has its own timers; they watch that department's task only
            open.removeIf(t -> !c.department().equals(
                    EngineChecks.withoutChecks(() -> tasks.getVariable(t.getId(), VAR_DEPARTMENT))));
        }
        return open;
    }

    private static Instant due(Case c, MessageStep step, Task task) {
        if (step == MessageStep.ANSWER) {
            return c.answerDue();
        }
        return task.getDueDate() == null ? ClockUtil.getCurrentTime().toInstant() : task.getDueDate().toInstant();
    }

    /** Whoever holds a task: its assignee, or its candidate groups while nobody has claimed it. */
    private Holder holder(Task task) {
        if (task.getAssignee() != null) {
            return new Holder(Set.of(task.getAssignee()), Set.of(), task.getAssignee());
        }
        List<IdentityLink> links = EngineChecks.withoutChecks(() -> tasks.getIdentityLinksForTask(task.getId()));
        Set<String> users = new java.util.TreeSet<>();
        Set<String> groups = new java.util.TreeSet<>();
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
        }
        List<String> all = new ArrayList<>(users);
        all.addAll(groups);
        return new Holder(users, groups, all.isEmpty() ? "—" : String.join(",", all));
    }

    private record Holder(Set<String> users, Set<String> groups, String label) {
    }
}
