package ru.otklik.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Reads the instants that process variables and form fields hold. */
final class Instants {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** Camunda's REST date format, e.g. 2026-11-30T09:15:00.000+0700. */
    private static final DateTimeFormatter CAMUNDA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private Instants() {
    }

    /**
     * An instant from a {@code Date}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} or a string
     * as Camunda Forms and the REST API send it ("2026-11-30T17:00+07:00", "…Z", "2026-11-30T17:00:00.000+0700");
     * a date-time without offset is read in {@code zone}. {@code null} and blank give {@code null}.
     *
     * @throws IllegalArgumentException when the value is not a date-time
     */
    static Instant of(Object value, ZoneId zone) {
        if (value == null) {
            return null;
        } else if (value instanceof Date d) {
            return d.toInstant();
        } else if (value instanceof Instant i) {
            return i;
        } else if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        } else if (value instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        } else if (value instanceof CharSequence text) {
            String s = text.toString().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException ignored) {
                // try the other forms
            }
            try {
                return OffsetDateTime.parse(s, CAMUNDA).toInstant();
            } catch (DateTimeException ignored) {
                // try the other forms
            }
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + s + "' is not a date and time");
            }
        }
        throw new IllegalArgumentException("Cannot read a date and time from a " + value.getClass().getName());
    }

    /** "30.11.2026 09:15" in the zone. */
    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "—" : DISPLAY.format(instant.atZone(zone));
    }
}
