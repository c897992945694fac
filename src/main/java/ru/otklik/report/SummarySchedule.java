package ru.otklik.report;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.calendar.WorkingTimeCalculator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * When monthly summaries start (MSG-25, MSG-28), bean {@code monthlySummarySchedule}.
 *
 * <p>The first working day of a month follows the production calendar, which changes every year and can be
 * replaced without a rebuild ({@code otklik.calendar.location}); a timer start event is evaluated once, at
 * deployment, and cannot follow it. So the diagram's timer fires every day at 08:00 Kuzbass time, before the
 * working day starts, and its service task starts the summaries of the organizations for which today is the
 * first working day of the month. The cycle is anchored with the Kuzbass offset
 * ({@code R/2026-11-23T08:00:00+07:00/PT24H}): an instant, whatever the JVM's zone; Kuzbass has no DST.
 */
@Component("monthlySummarySchedule")
public class SummarySchedule {

    static final ZoneId KUZBASS = ZoneId.of("Asia/Novokuznetsk");
    static final LocalTime RUN_TIME = LocalTime.of(8, 0);

    private final WorkingTime workingTime;

    public SummarySchedule(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    /** The timer start event's cycle, evaluated when the diagram is deployed. */
    public String dailyCycle() {
        return "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(nextRun(ClockUtil.getCurrentTime().toInstant()))
                + "/PT24H";
    }

    /** The first 08:00 Kuzbass time strictly after {@code now}. */
    static OffsetDateTime nextRun(Instant now) {
        ZonedDateTime candidate = now.atZone(KUZBASS).toLocalDate().atTime(RUN_TIME).atZone(KUZBASS);
        if (!candidate.toInstant().isAfter(now)) {
            candidate = candidate.plusDays(1);
        }
        return candidate.toOffsetDateTime();
    }

    /** The first day of the month with working time in the organization's schedule and production calendar. */
    public LocalDate firstWorkingDay(String organization, YearMonth month) {
        WorkingTimeCalculator calculator = workingTime.forOrganization(organization);
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (!calculator.workingTime(day).isZero()) {
                return day;
            }
        }
        throw new IllegalStateException("No working day in " + month + " for " + organization);
    }

    /** The month whose summary is due at {@code now} for the organization, if today is a first working day. */
    public java.util.Optional<YearMonth> monthDue(String organization, Instant now) {
        LocalDate today = now.atZone(workingTime.forOrganization(organization).zone()).toLocalDate();
        YearMonth month = YearMonth.from(today);
        return today.equals(firstWorkingDay(organization, month))
                ? java.util.Optional.of(month.minusMonths(1)) : java.util.Optional.empty();
    }
}
