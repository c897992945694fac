package ru.otklik.content.weekly;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/**
 * The schedule of the weekly publication check (ACC-7, ACC-8), bean {@code contentSchedule}, used by the timer
 * start event of {@code bpmn/WeeklyPublicationCheck.bpmn}.
 *
 * <p>Why not the cron {@code 0 0 9 ? * MON}: the engine evaluates cron expressions in the JVM's default zone,
 * so on a server in UTC it would fire at 16:00 Kuzbass time. Instead the cycle is an ISO-8601 repetition anchored
 * at the next Monday 09:00 in Asia/Novokuznetsk written with its offset ({@code R/2026-11-23T09:00:00+07:00/PT168H}):
 * an instant, independent of the JVM zone. The period is 168 hours rather than P7D, because the engine adds days
 * in the JVM zone (a DST change there would shift the hour); Kuzbass has no DST, so 168 hours is always Monday
 * 09:00 there.
 */
@Component("contentSchedule")
public class ContentSchedule {

    /** The zone of the check; all bodies of the acts work in Kuzbass. */
    public static final ZoneId KUZBASS = ZoneId.of("Asia/Novokuznetsk");
    static final LocalTime CHECK_TIME = LocalTime.of(9, 0);

    /** The timer start event's cycle, evaluated when the diagram is deployed. */
    public String weeklyCheckCycle() {
        return "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(nextCheck(ClockUtil.getCurrentTime().toInstant()))
                + "/PT168H";
    }

    /** The first Monday 09:00 Kuzbass time strictly after {@code now}. */
    public static OffsetDateTime nextCheck(Instant now) {
        ZonedDateTime local = now.atZone(KUZBASS);
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        ZonedDateTime candidate = monday.atTime(CHECK_TIME).atZone(KUZBASS);
        if (!candidate.toInstant().isAfter(now)) {
            candidate = candidate.plusWeeks(1);
        }
        return candidate.toOffsetDateTime();
    }
}
