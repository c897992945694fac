package ru.otklik.calendar;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.organization.UnknownOrganizationException;
import ru.otklik.web.ApiProblems;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The working-time arithmetic as reference data (no login): instants are ISO-8601 with the offset of the
 * organization's zone. A bad parameter is a 400 problem naming it in {@code parameter}; an unknown
 * organization a 404.
 */
@RestController
@RequestMapping(path = "/api/working-time", produces = MediaType.APPLICATION_JSON_VALUE)
class WorkingTimeController {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final WorkingTime workingTime;

    WorkingTimeController(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    @GetMapping("/after")
    TermResponse after(@RequestParam(required = false) String org, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String duration) {
        WorkingTimeCalculator calculator = calculator(org);
        Instant start = instant("from", from, calculator);
        Duration amount = duration("duration", duration);
        Instant result = compute("duration", () -> calculator.after(start, amount));
        return new TermResponse(org, format(start, calculator), amount.toString(), format(result, calculator));
    }

    @GetMapping("/before")
    TermResponse before(@RequestParam(required = false) String org, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String duration) {
        WorkingTimeCalculator calculator = calculator(org);
        Instant start = instant("from", from, calculator);
        Duration amount = duration("duration", duration);
        Instant result = compute("duration", () -> calculator.before(start, amount));
        return new TermResponse(org, format(start, calculator), amount.toString(), format(result, calculator));
    }

    @GetMapping("/between")
    BetweenResponse between(@RequestParam(required = false) String org, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to) {
        WorkingTimeCalculator calculator = calculator(org);
        Instant start = instant("from", from, calculator);
        Instant end = instant("to", to, calculator);
        Duration result = calculator.between(start, end);
        return new BetweenResponse(org, format(start, calculator), format(end, calculator), result.toString());
    }

    @GetMapping("/working-days-after")
    DaysResponse workingDaysAfter(@RequestParam(required = false) String org, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String days) {
        WorkingTimeCalculator calculator = calculator(org);
        Instant start = instant("from", from, calculator);
        int count = days("days", days);
        Instant result = compute("days", () -> calculator.workingDaysAfter(start, count));
        return new DaysResponse(org, format(start, calculator), count, format(result, calculator));
    }

    @GetMapping("/calendar-days-after")
    DaysResponse calendarDaysAfter(@RequestParam(required = false) String org, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String days) {
        WorkingTimeCalculator calculator = calculator(org);
        Instant start = instant("from", from, calculator);
        int count = days("days", days);
        Instant result = compute("days", () -> calculator.calendarDaysAfter(start, count));
        return new DaysResponse(org, format(start, calculator), count, format(result, calculator));
    }

    /** The year's departures from the five-day week, and its working time under the organization's schedule. */
    @GetMapping("/calendar")
    CalendarResponse calendar(@RequestParam(required = false) String org, @RequestParam(required = false) String year) {
        WorkingTimeCalculator calculator = calculator(org);
        int y = year("year", year);
        ProductionCalendar calendar = calculator.calendar();
        calendar.noteUse(y);
        List<CalendarDay> days = calendar.days(y);
        LocalDate first = LocalDate.of(y, 1, 1);
        LocalDate next = first.plusYears(1);
        return new CalendarResponse(org, y, calendar.confirmed(y), calculator.zone().getId(),
                calculator.workingDays(first, next), calculator.workingTime(first, next).toString(),
                days.stream().filter(d -> d.nonWorking() && !d.weekend())
                        .map(d -> new NonWorkingDay(d.date().toString(), d.date().getDayOfWeek(), d.kind().code(), d.note())).toList(),
                days.stream().filter(d -> d.kind() == CalendarDay.Kind.WORKING_WEEKEND)
                        .map(d -> new WorkingWeekend(d.date().toString(), d.date().getDayOfWeek(), d.worksAs(), d.shortened(), d.note()))
                        .toList(),
                days.stream().filter(CalendarDay::shortened)
                        .map(d -> new ShortDay(d.date().toString(), d.date().getDayOfWeek(),
                                calculator.workingTime(d.date()).toString(), d.shortNote())).toList());
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail problem = ApiProblems.badRequest(Map.of(e.parameter, e.getMessage()));
        problem.setProperty("parameter", e.parameter);
        return problem;
    }

    @ExceptionHandler(UnknownOrganizationException.class)
    ProblemDetail unknownOrganization(UnknownOrganizationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Организация не найдена");
        problem.setProperty("parameter", "org");
        return problem;
    }

    private WorkingTimeCalculator calculator(String org) {
        if (org == null || org.isBlank()) {
            throw new BadParameter("org", "обязательный параметр: идентификатор организации, например zags");
        }
        return workingTime.forOrganization(org);
    }

    private static Instant instant(String name, String value, WorkingTimeCalculator calculator) {
        if (value == null || value.isBlank()) {
            throw new BadParameter(name, "обязательный параметр: момент времени ISO-8601, например 2026-12-30T17:30:00+07:00");
        }
        // An unencoded '+' of the offset arrives as a space.
        String text = value.trim().replace(' ', '+');
        Instant instant;
        try {
            instant = TemporalValues.instant(text, calculator.zone());
        } catch (IllegalArgumentException e) {
            throw new BadParameter(name, "«" + value + "» не является моментом времени ISO-8601"
                    + " (например 2026-12-30T17:30:00+07:00)");
        }
        if (!calculator.supports(instant)) {
            throw new BadParameter(name, "момент «" + value + "» вне поддерживаемого диапазона "
                    + WorkingTimeCalculator.FIRST_YEAR + "–" + WorkingTimeCalculator.LAST_YEAR + " годов");
        }
        return instant;
    }

    private static Duration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameter(name, "обязательный параметр: длительность ISO-8601, например PT8H");
        }
        Duration duration;
        try {
            duration = Duration.parse(value.trim());
        } catch (DateTimeException e) {
            throw new BadParameter(name, "«" + value + "» не является длительностью ISO-8601 (например PT8H или PT2H30M)");
        }
        if (duration.isNegative()) {
            throw new BadParameter(name, "длительность не может быть отрицательной");
        }
        if (duration.compareTo(TemporalValues.MAX_DURATION) > 0) {
            throw new BadParameter(name, "длительность больше " + TemporalValues.MAX_DAYS + " дней");
        }
        return TemporalValues.duration(duration);
    }

    private static int days(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameter(name, "обязательный параметр: число дней от 0 до " + TemporalValues.MAX_DAYS);
        }
        long days;
        try {
            days = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "«" + value + "» не является целым числом дней");
        }
        if (days < 0 || days > TemporalValues.MAX_DAYS) {
            throw new BadParameter(name, "число дней должно быть от 0 до " + TemporalValues.MAX_DAYS);
        }
        return (int) days;
    }

    private static int year(String name, String value) {
        String range = "от " + WorkingTimeCalculator.FIRST_YEAR + " до " + WorkingTimeCalculator.LAST_YEAR;
        if (value == null || value.isBlank()) {
            throw new BadParameter(name, "обязательный параметр: год " + range);
        }
        int year;
        try {
            year = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "«" + value + "» не является годом");
        }
        if (year < WorkingTimeCalculator.FIRST_YEAR || year > WorkingTimeCalculator.LAST_YEAR) {
            throw new BadParameter(name, "год должен быть " + range);
        }
        return year;
    }

    /** A result beyond the supported range is due to the amount asked for. */
    private static Instant compute(String amountParameter, Supplier<Instant> computation) {
        try {
            return computation.get();
        } catch (IllegalArgumentException e) {
            throw new BadParameter(amountParameter, "результат выходит за поддерживаемый диапазон "
                    + WorkingTimeCalculator.FIRST_YEAR + "–" + WorkingTimeCalculator.LAST_YEAR + " годов");
        }
    }

    private static String format(Instant instant, WorkingTimeCalculator calculator) {
        return ISO.format(instant.atZone(calculator.zone()));
    }

    record TermResponse(String org, String from, String duration, String result) {
    }

    record BetweenResponse(String org, String from, String to, String duration) {
    }

    record DaysResponse(String org, String from, int days, String result) {
    }

    record CalendarResponse(String org, int year, boolean confirmed, String zone, int workingDays, String workingTime,
                            List<NonWorkingDay> nonWorkingDays, List<WorkingWeekend> workingWeekends,
                            List<ShortDay> shortDays) {
    }

    record NonWorkingDay(String date, DayOfWeek dayOfWeek, String kind, String note) {
    }

    record WorkingWeekend(String date, DayOfWeek dayOfWeek, DayOfWeek worksAs, boolean shortened, String note) {
    }

    record ShortDay(String date, DayOfWeek dayOfWeek, String workingTime, String note) {
    }

    /** A request parameter that is missing or malformed; the message is for the caller, in Russian. */
    static final class BadParameter extends RuntimeException {

        private final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }
}
