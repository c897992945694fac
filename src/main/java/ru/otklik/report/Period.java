package ru.otklik.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The dates a summary covers, {@code from} inclusive and {@code to} exclusive, read in the organization's zone.
 * A calendar month is the monthly summary (MSG-25, MSG-28); any other span is a report on demand.
 */
public record Period(LocalDate from, LocalDate to) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String[] MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
            "сентябрь", "октябрь", "ноябрь", "декабрь"};
    /** A report longer than this is refused: the figures are meant for a month or a year. */
    public static final int MAX_DAYS = 3 * 366;

    public Period {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("period: the end must lie after the start");
        }
    }

    public static Period of(YearMonth month) {
        return new Period(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /** The last day of the period (inclusive). */
    public LocalDate lastDay() {
        return to.minusDays(1);
    }

    public boolean wholeMonth() {
        return from.getDayOfMonth() == 1 && from.plusMonths(1).equals(to);
    }

    public YearMonth month() {
        return YearMonth.from(from);
    }

    /** The period before: the previous month for a month, else the span of the same length just before. */
    public Period previous() {
        if (wholeMonth()) {
            return of(month().minusMonths(1));
        }
        return new Period(from.minusDays(ChronoUnit.DAYS.between(from, to)), from);
    }

    /** The same period a year earlier. */
    public Period yearEarlier() {
        return wholeMonth() ? of(month().minusYears(1)) : new Period(from.minusYears(1), to.minusYears(1));
    }

    /** The Russian title: «октябрь 2026» or «01.10.2026 – 15.10.2026». */
    public String title() {
        if (wholeMonth()) {
            return MONTHS[from.getMonthValue() - 1] + " " + from.getYear();
        }
        return DATE.format(from) + " – " + DATE.format(lastDay());
    }

    /** A short label for charts: «10.2026» for a month. */
    public String shortTitle() {
        return wholeMonth() ? String.format("%02d.%d", from.getMonthValue(), from.getYear()) : title();
    }

    /** The file-name part: {@code 2026-10} or {@code 2026-10-01_2026-10-15}. */
    public String slug() {
        return wholeMonth() ? month().toString() : from + "_" + lastDay();
    }
}
