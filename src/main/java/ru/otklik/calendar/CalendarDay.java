package ru.otklik.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * What the production calendar says about one date.
 *
 * @param kind      how the date departs from the five-day week, {@link Kind#ORDINARY} if it does not
 * @param shortened a pre-holiday day, one hour shorter (Labour Code art. 95)
 * @param worksAs   for a working Saturday or Sunday: the weekday whose day off it takes over, whose
 *                  schedule it follows; {@code null} when not known (then it is a normal working day)
 * @param note      the note of the calendar row for the kind, if any
 * @param shortNote the note of the calendar row that shortens the day, if any
 * @param confirmed the year is covered by calendar data; otherwise the day was derived from the Labour
 *                  Code alone and Government transfers are unknown
 */
public record CalendarDay(LocalDate date, Kind kind, boolean shortened, DayOfWeek worksAs, String note,
                          String shortNote, boolean confirmed) {

    /** The kinds of the calendar file, plus the ordinary day that has no row. */
    public enum Kind {
        ORDINARY(null),
        /** A non-working holiday, a transferred day off or an art. 112 carry-over. */
        HOLIDAY("holiday"),
        /** A paid non-working day by a Presidential decree (2020, 2021): no work either. */
        NONWORKING_DECREE("nonworking-decree"),
        /** A Saturday or Sunday made a working day by a Government decree. */
        WORKING_WEEKEND("working");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The kind as written in the calendar file. */
        public String code() {
            return code;
        }
    }

    /** Nobody works: a holiday or a decree non-working day. */
    public boolean nonWorking() {
        return kind == Kind.HOLIDAY || kind == Kind.NONWORKING_DECREE;
    }

    /** Saturday or Sunday. */
    public boolean weekend() {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** A working day of the federal five-day week. */
    public boolean federalWorkingDay() {
        return kind == Kind.WORKING_WEEKEND || (kind == Kind.ORDINARY && !weekend());
    }
}
