package ru.otklik.content.weekly;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/**
 * A calendar week of an organization, Monday 00:00 to Sunday 24:00 in its time zone, as the half-open interval
 * [from, to) of instants: a publication at Sunday 23:59 local counts for the week, one at Monday 00:00 local for
 * the next (ACC-7, ACC-8).
 */
public record WeekWindow(LocalDate monday, ZoneId zone, Instant from, Instant to) {

    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public static WeekWindow of(LocalDate monday, ZoneId zone) {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(monday + " is not a Monday");
        }
        return new WeekWindow(monday, zone, monday.atStartOfDay(zone).toInstant(),
                monday.plusDays(7).atStartOfDay(zone).toInstant());
    }

    /** The last complete week before {@code now}, in the zone. */
    public static WeekWindow previous(Instant now, ZoneId zone) {
        LocalDate thisMonday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return of(thisMonday.minusWeeks(1), zone);
    }

    /** "16.11.2026 – 22.11.2026", as forms show it. */
    public String title() {
        return RU.format(monday) + " – " + RU.format(monday.plusDays(6));
    }
}
