package ru.otklik.report;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import ru.otklik.web.InvalidFieldException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The summaries staff read: a month's stored summary if it was compiled, else the figures computed now; any
 * period on demand (never stored).
 */
@Service
public class Reports {

    private final SummaryQueries queries;
    private final StoredSummaries stored;

    public Reports(SummaryQueries queries, StoredSummaries stored) {
        this.queries = queries;
        this.stored = stored;
    }

    public record Report(Summary summary, Optional<StoredSummary> stored) {
    }

    public Report month(String organization, String month) {
        Period period = Period.of(parseMonth(month));
        Optional<StoredSummary> summary = stored.find(organization, period);
        return new Report(summary.map(StoredSummary::summary)
                .orElseGet(() -> queries.compile(organization, period, ClockUtil.getCurrentTime().toInstant())), summary);
    }

    /** {@code to} is the last day included. */
    public Report period(String organization, String from, String to) {
        LocalDate start = parseDate(from, "from");
        LocalDate end = parseDate(to, "to");
        if (end.isBefore(start)) {
            throw new InvalidFieldException("to", "to: конец периода раньше его начала");
        }
        if (ChronoUnit.DAYS.between(start, end) >= Period.MAX_DAYS) {
            throw new InvalidFieldException("to", "to: период длиннее " + Period.MAX_DAYS + " дней");
        }
        Period period = new Period(start, end.plusDays(1));
        return new Report(queries.compile(organization, period, ClockUtil.getCurrentTime().toInstant()), Optional.empty());
    }

    static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidFieldException("month", "month: укажите месяц в виде ГГГГ-ММ, например 2026-10");
        }
    }

    private static LocalDate parseDate(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + ": укажите дату в виде ГГГГ-ММ-ДД");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, field + ": укажите дату в виде ГГГГ-ММ-ДД, например 2026-10-01");
        }
    }
}
