package ru.otklik.dashboard;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.calendar.WorkingTimeCalculator;
import ru.otklik.content.weekly.WeekWindow;
import ru.otklik.message.Importance;
import ru.otklik.message.MessageResponseProcess;
import ru.otklik.message.MessageStatus;
import ru.otklik.message.MessageStep;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.system.EngineChecks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the {@link Dashboard} of a scope as of the engine clock ({@code ClockUtil}, so that it agrees with the
 * registry and the timers): figures from {@link DashboardQueries}, the time left to each deadline in calendar and
 * in the organization's working time, and the current task of each listed case.
 */
@Service
class DashboardService {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
    private static final String COCKPIT_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/%s/runtime";

    private final DashboardQueries queries;
    private final OrganizationPolicies policies;
    private final WorkingTime workingTime;
    private final TaskService tasks;

    DashboardService(DashboardQueries queries, OrganizationPolicies policies, WorkingTime workingTime,
                     TaskService tasks) {
        this.queries = queries;
        this.policies = policies;
        this.workingTime = workingTime;
        this.tasks = tasks;
    }

    Dashboard build(DashboardAccess.Scope scope) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<String> orgs = scope.shown();
        List<DashboardQueries.Load> load = queries.load(orgs, now);
        List<DashboardQueries.Window> windows = windows(orgs, now);
        List<DashboardQueries.OpenRow> overdueRows = queries.overdue(orgs, now, Dashboard.LIST_LIMIT);
        List<DashboardQueries.OpenRow> openRows = queries.withinDeadlines(orgs, now, Dashboard.LIST_LIMIT);
        Map<String, Task> currentTasks = currentTasks(overdueRows, openRows);
        Dashboard.Intake intake = intake(orgs, windows);
        List<Dashboard.QuotaShortfall> shortfalls = queries.quotaShortfalls(windows);
        Dashboard.Totals totals = new Dashboard.Totals(load.stream().mapToLong(DashboardQueries.Load::open).sum(),
                load.stream().mapToLong(DashboardQueries.Load::overdue).sum(), intake.total(), shortfalls.size());
        return new Dashboard(scope.selected(),
                scope.visible().stream().map(p -> new Dashboard.Organization(p.id(), p.shortName())).toList(), now,
                totals, bySteps(load), byDepartments(orgs, load, scope.selected() != null), intake,
                overdueRows.stream().map(r -> openMessage(r, now, currentTasks)).toList(),
                openRows.stream().map(r -> openMessage(r, now, currentTasks)).toList(), shortfalls);
    }

    /** Every open status in the order of the procedure, with its open and overdue messages. */
    private static List<Dashboard.StepLoad> bySteps(List<DashboardQueries.Load> load) {
        List<Dashboard.StepLoad> steps = new ArrayList<>();
        for (MessageStatus status : MessageStatus.values()) {
            if (DashboardQueries.OPEN.contains(status)) {
                List<DashboardQueries.Load> at = load.stream().filter(l -> l.status().equals(status.name())).toList();
                steps.add(new Dashboard.StepLoad(status.name(), status.title(),
                        at.stream().mapToLong(DashboardQueries.Load::open).sum(),
                        at.stream().mapToLong(DashboardQueries.Load::overdue).sum()));
            }
        }
        return steps;
    }

    /**
     * MSG-8, MSG-18: the open messages of each department of the policy; a joint answer counts for each of its
     * departments. One organization shows all its departments, several only those with open messages.
     */
    private List<Dashboard.DepartmentLoad> byDepartments(List<String> orgs, List<DashboardQueries.Load> load,
                                                        boolean withIdle) {
        List<Dashboard.DepartmentLoad> departments = new ArrayList<>();
        for (String org : orgs) {
            OrganizationPolicy policy = policies.get(org);
            for (OrganizationPolicy.Department department : policy.departments()) {
                List<DashboardQueries.Load> of = load.stream().filter(l -> l.organization().equals(org)
                        && l.departments() != null && Set.of(l.departments().split(",")).contains(department.id()))
                        .toList();
                long open = of.stream().mapToLong(DashboardQueries.Load::open).sum();
                if (open > 0 || withIdle) {
                    departments.add(new Dashboard.DepartmentLoad(org, department.id(),
                            withIdle ? department.name() : policy.shortName() + ": " + department.name(), open,
                            of.stream().mapToLong(DashboardQueries.Load::overdue).sum()));
                }
            }
        }
        return departments;
    }

    /** Today and the last complete week, per time zone of the organizations shown. */
    private List<DashboardQueries.Window> windows(List<String> orgs, Instant now) {
        Map<ZoneId, List<String>> byZone = orgs.stream().collect(Collectors.groupingBy(this::zone, LinkedHashMap::new,
                Collectors.toList()));
        return byZone.entrySet().stream().map(e -> {
            LocalDate today = now.atZone(e.getKey()).toLocalDate();
            return new DashboardQueries.Window(e.getValue(), today.atStartOfDay(e.getKey()).toInstant(),
                    today.plusDays(1).atStartOfDay(e.getKey()).toInstant(),
                    WeekWindow.previous(now, e.getKey()).monday());
        }).toList();
    }

    /** MSG-8: today's intake by network, with the elevated, answered and refused (MSG-23) among it. */
    private Dashboard.Intake intake(List<String> orgs, List<DashboardQueries.Window> windows) {
        List<DashboardQueries.IntakeCount> counts = queries.intake(windows);
        Set<Network> networks = EnumSet.noneOf(Network.class);
        orgs.forEach(org -> networks.addAll(policies.get(org).networks()));
        counts.forEach(c -> networks.add(Network.valueOf(c.network())));
        List<Dashboard.NetworkCount> byNetwork = networks.stream().map(n -> new Dashboard.NetworkCount(n.name(),
                counts.stream().filter(c -> c.network().equals(n.name()))
                        .mapToLong(DashboardQueries.IntakeCount::count).sum())).toList();
        List<Dashboard.IntakeMessage> messages = queries.intakeMessages(windows, Dashboard.LIST_LIMIT).stream()
                .map(r -> new Dashboard.IntakeMessage(r.id(), r.organization(), r.businessKey(), r.network(),
                        r.detectedAt(), local(r.detectedAt(), r.organization()), r.authorName(), r.topic(), r.text(),
                        r.status(), MessageStatus.valueOf(r.status()).title(), r.importance()))
                .toList();
        return new Dashboard.Intake(sum(counts, c -> true),
                sum(counts, c -> Importance.ELEVATED.name().equals(c.importance())),
                sum(counts, c -> MessageStatus.ANSWERED.name().equals(c.status())),
                sum(counts, c -> MessageStatus.NOT_PROCESSED.name().equals(c.status())), byNetwork, messages);
    }

    private static long sum(List<DashboardQueries.IntakeCount> counts,
                            java.util.function.Predicate<DashboardQueries.IntakeCount> which) {
        return counts.stream().filter(which).mapToLong(DashboardQueries.IntakeCount::count).sum();
    }

    private Dashboard.OpenMessage openMessage(DashboardQueries.OpenRow r, Instant now, Map<String, Task> currentTasks) {
        MessageStatus status = MessageStatus.valueOf(r.status());
        Importance importance = r.importance() == null ? null : Importance.valueOf(r.importance());
        MessageStep step = step(status, r.stepDue(), r.partDue());
        Dashboard.Deadline stepDeadline = step == null || r.stepDue() == null ? null
                : deadline(r.organization(), step, step.ruleId(importance), r.stepDue(), now);
        Dashboard.Deadline answer = r.caseDue() == null ? null : deadline(r.organization(), MessageStep.ANSWER,
                MessageStep.ANSWER.ruleId(importance), r.caseDue(), now);
        boolean overdue = stepDeadline != null && stepDeadline.overdue() || answer != null && answer.overdue();
        Task task = r.processInstanceId() == null ? null : currentTasks.get(r.processInstanceId());
        return new Dashboard.OpenMessage(r.id(), r.organization(), r.businessKey(), status.name(), status.title(),
                r.importance(),
                r.departments() == null || r.departments().isBlank() ? List.of() : List.of(r.departments().split(",")),
                r.executor(), r.network(), r.authorName(), r.topic(), r.text(), r.detectedAt(),
                local(r.detectedAt(), r.organization()), stepDeadline, answer, overdue,
                task == null ? null : task.getAssignee(), task == null ? null : TASKLIST_TASK + task.getId(),
                r.processInstanceId() == null ? null : COCKPIT_INSTANCE.formatted(r.processInstanceId()));
    }

    /** The step whose deadline the status runs against; {@code null} when it has none of its own. */
    static MessageStep step(MessageStatus status, Instant stepDue, Instant partDue) {
        return switch (status) {
            case REGISTERED, ROUTING -> MessageStep.ROUTING;
            case DRAFTING -> stepDue != null && stepDue.equals(partDue) ? MessageStep.PART : MessageStep.DRAFT;
            case APPROVAL -> MessageStep.APPROVAL;
            case REWORK -> MessageStep.REWORK;
            case POSTING -> MessageStep.POSTING;
            case RETURNED -> MessageStep.REROUTE;
            default -> null;
        };
    }

    /** The time left to {@code due}, in calendar time and in the organization's working time. */
    private Dashboard.Deadline deadline(String org, MessageStep step, String rule, Instant due, Instant now) {
        WorkingTimeCalculator calculator = workingTime.forOrganization(org);
        long calendar = Duration.between(now, due).toMinutes();
        Long working = null;
        if (calculator.supports(now) && calculator.supports(due)) {
            working = due.isAfter(now) ? calculator.between(now, due).toMinutes()
                    : -calculator.between(due, now).toMinutes();
        }
        return new Dashboard.Deadline(step.key(), step.title(), rule, due, local(due, org), calendar, working,
                due.isBefore(now), left(calendar, true), working == null ? null : left(working, false));
    }

    /** "2 д 3 ч 5 мин" (calendar) or "19 ч 5 мин" (working time); "просрочено на …" when negative. */
    static String left(long minutes, boolean days) {
        long m = Math.abs(minutes);
        long d = days ? m / (24 * 60) : 0;
        long h = (m - d * 24 * 60) / 60;
        List<String> parts = new ArrayList<>();
        if (d > 0) {
            parts.add(d + " д");
        }
        if (h > 0) {
            parts.add(h + " ч");
        }
        if (m % 60 > 0 || parts.isEmpty()) {
            parts.add(m % 60 + " мин");
        }
        return (minutes < 0 ? "просрочено на " : "") + String.join(" ", parts);
    }

    /** The open task of each listed case that belongs to its current step, else the one due first. */
    private Map<String, Task> currentTasks(List<DashboardQueries.OpenRow> overdue, List<DashboardQueries.OpenRow> open) {
        Map<String, MessageStep> stepOfCase = new LinkedHashMap<>();
        for (DashboardQueries.OpenRow r : concat(overdue, open)) {
            if (r.processInstanceId() != null) {
                stepOfCase.put(r.processInstanceId(), step(MessageStatus.valueOf(r.status()), r.stepDue(), r.partDue()));
            }
        }
        if (stepOfCase.isEmpty()) {
            return Map.of();
        }
        List<Task> found = EngineChecks.withoutChecks(() -> tasks.createTaskQuery()
                .processInstanceIdIn(stepOfCase.keySet().toArray(String[]::new)).list());
        Map<String, Task> current = new LinkedHashMap<>();
        found.stream().collect(Collectors.groupingBy(Task::getProcessInstanceId)).forEach((instance, candidates) -> {
            String stepTask = stepOfCase.get(instance) == null ? null
                    : MessageResponseProcess.taskOfStep(stepOfCase.get(instance)).orElse(null);
            candidates.stream().min(Comparator
                            .comparing((Task t) -> !Objects.equals(t.getTaskDefinitionKey(), stepTask))
                            .thenComparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Task::getId))
                    .ifPresent(t -> current.put(instance, t));
        });
        return current;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private String local(Instant instant, String org) {
        return instant == null ? null : LOCAL.format(instant.atZone(zone(org)));
    }

    private ZoneId zone(String org) {
        return policies.get(org).zone();
    }
}
