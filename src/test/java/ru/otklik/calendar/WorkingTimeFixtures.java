package ru.otklik.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/** Shared test data: the built-in calendar, the standard schedule and the five organizations of the acts. */
final class WorkingTimeFixtures {

    static final ZoneOffset KUZBASS = ZoneOffset.ofHours(7);
    static final Set<String> ORGANIZATIONS = Set.of("zags", "minzdrav", "kuzbass-gov", "minsoc", "nkr");

    private static ProductionCalendar calendar;
    private static WorkingTimeCalculator standard;

    private WorkingTimeFixtures() {
    }

    static synchronized ProductionCalendar calendar() {
        if (calendar == null) {
            calendar = ProductionCalendar.builtIn();
        }
        return calendar;
    }

    static synchronized WorkingTimeCalculator standard() {
        if (standard == null) {
            standard = new WorkingTimeCalculator(WorkSchedule.standard(), calendar());
        }
        return standard;
    }

    /** Every organization of the acts works the standard schedule. */
    static WorkSchedules schedules() {
        return id -> ORGANIZATIONS.contains(id) ? Optional.of(WorkSchedule.standard()) : Optional.empty();
    }

    /** A local date-time in Kuzbass ("2027-03-01T09:00"). */
    static Instant local(String text) {
        return LocalDateTime.parse(text).toInstant(KUZBASS);
    }
}
