package ru.otklik.content.approval;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Bean {@code contentDeadlines}: calendar-time arithmetic for the diagrams, next to {@code workingTime}'s working
 * time. ACC-15's operational term is 4 hours of the clock, not working hours: {@code PT4H} is added to the instant
 * plainly, whatever the day.
 */
@Component("contentDeadlines")
public class ContentDeadlines {

    /** {@code from} plus an ISO-8601 duration of the clock ({@code PT4H}). */
    public Date hoursAfter(Object from, String duration) {
        Instant start = instant(from);
        return Date.from(start.plus(Duration.parse(duration)));
    }

    static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException("Not an instant: " + value);
    }
}
