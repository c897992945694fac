package ru.otklik.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;

/**
 * Turns what process variables and query parameters hold into instants, durations and day counts, to the
 * second. Rejects what would make a term meaningless: negative values and more than {@link #MAX_DAYS} days.
 */
final class TemporalValues {

    /** A year and a day: longer terms are certainly a mistake in a diagram or a request. */
    static final int MAX_DAYS = 366;
    static final Duration MAX_DURATION = Duration.ofDays(MAX_DAYS);

    private TemporalValues() {
    }

    /**
     * An instant from a {@code Date}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime},
     * {@code Calendar}, or an ISO-8601 string with an offset ("2026-12-30T17:30:00+07:00", "…Z"). A local
     * date-time or date (string or object) is read in {@code zone}.
     */
    static Instant instant(Object value, ZoneId zone) {
        Instant instant;
        if (value == null) {
            throw new IllegalArgumentException("The instant is missing");
        } else if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof Date d) {
            instant = d.toInstant();
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof LocalDateTime l) {
            instant = l.atZone(zone).toInstant();
        } else if (value instanceof LocalDate l) {
            instant = l.atStartOfDay(zone).toInstant();
        } else if (value instanceof Calendar c) {
            instant = c.toInstant();
        } else if (value instanceof CharSequence text) {
            instant = parseInstant(text.toString().trim(), zone);
        } else {
            throw new IllegalArgumentException("Cannot read an instant from a " + value.getClass().getName());
        }
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A non-negative duration of at most {@link #MAX_DAYS} days from a {@code Duration} or an ISO-8601 string ("PT8H"). */
    static Duration duration(Object value) {
        Duration duration;
        if (value == null) {
            throw new IllegalArgumentException("The duration is missing");
        } else if (value instanceof Duration d) {
            duration = d;
        } else if (value instanceof CharSequence text) {
            try {
                duration = Duration.parse(text.toString().trim());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT8H or PT2H30M");
            }
        } else {
            throw new IllegalArgumentException("Cannot read a duration from a " + value.getClass().getName());
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The duration " + duration + " is negative");
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("The duration " + duration + " is longer than " + MAX_DAYS + " days");
        }
        return duration.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A day count in {@code 0…MAX_DAYS}. */
    static int days(long value) {
        if (value < 0 || value > MAX_DAYS) {
            throw new IllegalArgumentException("The day count " + value + " is not within 0…" + MAX_DAYS);
        }
        return (int) value;
    }

    private static Instant parseInstant(String text, ZoneId zone) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant();
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("'" + text
                            + "' is not an ISO-8601 instant such as 2026-12-30T17:30:00+07:00");
                }
            }
        }
    }
}
