package ru.otklik.calendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import ru.otklik.organization.UnknownOrganizationException;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Working time of each organization, for BPMN expressions and Java callers. In a timer:
 * {@code timeDate = ${workingTime.after(execution, detectedAt, 'PT25M')}}: the organization is the
 * execution's tenant, the result a {@code java.util.Date} the engine uses as the due date as is.
 *
 * <p>Instants may be {@code Date}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} or ISO-8601
 * strings; a local date-time is read in the organization's zone. Durations are {@code Duration} or ISO-8601
 * strings. Durations and day counts must lie within 0…366 days.
 */
@Component("workingTime")
public class WorkingTime {

    private static final int MAX_PARSED_DURATIONS = 256;

    private final WorkSchedules schedules;
    private final ProductionCalendar calendar;
    /** Organizations with the same schedule share one calculator (its tables are the costly part). */
    private final ConcurrentMap<WorkSchedule, WorkingTimeCalculator> bySchedule = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Cached> byOrganization = new ConcurrentHashMap<>();
    /** Diagrams use a handful of literal durations; parsing one costs ten times the arithmetic. */
    private final ConcurrentMap<String, Duration> parsedDurations = new ConcurrentHashMap<>();

    public WorkingTime(WorkSchedules schedules, ProductionCalendar calendar) {
        this.schedules = schedules;
        this.calendar = calendar;
    }

    /**
     * The calculator of an organization, for Java callers that work with {@code Instant} and {@code Duration}.
     *
     * @throws UnknownOrganizationException if no organization has this id
     */
    public WorkingTimeCalculator forOrganization(String organizationId) {
        if (organizationId == null) {
            throw new IllegalArgumentException("No organization given");
        }
        WorkSchedule schedule = schedules.find(organizationId)
                .orElseThrow(() -> new UnknownOrganizationException(organizationId));
        Cached cached = byOrganization.get(organizationId);
        if (cached != null && cached.schedule == schedule) {
            return cached.calculator;
        }
        WorkingTimeCalculator calculator = bySchedule.computeIfAbsent(schedule, s -> new WorkingTimeCalculator(s, calendar));
        byOrganization.put(organizationId, new Cached(schedule, calculator));
        return calculator;
    }

    public ProductionCalendar calendar() {
        return calendar;
    }

    /** MSG-8 … MSG-16: the instant {@code duration} of working time after {@code from}. */
    public Date after(VariableScope execution, Object from, Object duration) {
        return after(organization(execution), from, duration);
    }

    public Date after(String organizationId, Object from, Object duration) {
        WorkingTimeCalculator calculator = forOrganization(organizationId);
        return Date.from(calculator.after(TemporalValues.instant(from, calculator.zone()), duration(duration)));
    }

    /** MSG-13, MSG-18: the latest instant {@code duration} of working time before {@code from}. */
    public Date before(VariableScope execution, Object from, Object duration) {
        return before(organization(execution), from, duration);
    }

    public Date before(String organizationId, Object from, Object duration) {
        WorkingTimeCalculator calculator = forOrganization(organizationId);
        return Date.from(calculator.before(TemporalValues.instant(from, calculator.zone()), duration(duration)));
    }

    /** MSG-17, ACC-4, ACC-15: the end of the schedule on the n-th working day after {@code from}'s date. */
    public Date workingDaysAfter(VariableScope execution, Object from, long days) {
        return workingDaysAfter(organization(execution), from, days);
    }

    public Date workingDaysAfter(String organizationId, Object from, long days) {
        WorkingTimeCalculator calculator = forOrganization(organizationId);
        return Date.from(calculator.workingDaysAfter(TemporalValues.instant(from, calculator.zone()), TemporalValues.days(days)));
    }

    /** ACC-4: 24:00 of the n-th calendar day after {@code from}'s date, moved to the next working day if needed. */
    public Date calendarDaysAfter(VariableScope execution, Object from, long days) {
        return calendarDaysAfter(organization(execution), from, days);
    }

    public Date calendarDaysAfter(String organizationId, Object from, long days) {
        WorkingTimeCalculator calculator = forOrganization(organizationId);
        return Date.from(calculator.calendarDaysAfter(TemporalValues.instant(from, calculator.zone()), TemporalValues.days(days)));
    }

    /** The working time between two instants as an ISO-8601 duration ("PT7H30M"); "PT0S" if {@code to <= from}. */
    public String between(VariableScope execution, Object from, Object to) {
        return between(organization(execution), from, to);
    }

    public String between(String organizationId, Object from, Object to) {
        WorkingTimeCalculator calculator = forOrganization(organizationId);
        Duration between = calculator.between(TemporalValues.instant(from, calculator.zone()),
                TemporalValues.instant(to, calculator.zone()));
        return between.toString();
    }

    /** MSG-13: the earlier of two limits. A local date-time is read in the default zone (Asia/Novokuznetsk). */
    public Date min(Object a, Object b) {
        Instant first = TemporalValues.instant(a, WorkSchedule.DEFAULT_ZONE);
        Instant second = TemporalValues.instant(b, WorkSchedule.DEFAULT_ZONE);
        return Date.from(first.isAfter(second) ? second : first);
    }

    private Duration duration(Object value) {
        if (!(value instanceof String text)) {
            return TemporalValues.duration(value);
        }
        Duration parsed = parsedDurations.get(text);
        if (parsed == null) {
            parsed = TemporalValues.duration(text);
            if (parsedDurations.size() < MAX_PARSED_DURATIONS) {
                parsedDurations.put(text, parsed);
            }
        }
        return parsed;
    }

    /** The organization of an execution or task: its tenant. */
    static String organization(VariableScope scope) {
        String tenant;
        if (scope instanceof DelegateExecution execution) {
            tenant = execution.getTenantId();
        } else if (scope instanceof DelegateTask task) {
            tenant = task.getTenantId();
        } else if (scope == null) {
            throw new IllegalArgumentException("No execution given: working time needs the organization");
        } else {
            throw new IllegalArgumentException("Cannot tell the organization of a " + scope.getClass().getName());
        }
        if (tenant == null) {
            throw new IllegalArgumentException("The process instance has no tenant: working time needs the organization");
        }
        return tenant;
    }

    private record Cached(WorkSchedule schedule, WorkingTimeCalculator calculator) {
    }
}
