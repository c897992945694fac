package ru.otklik.calendar;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionCalendarTests {

    private final ProductionCalendar calendar = WorkingTimeFixtures.calendar();

    @ParameterizedTest(name = "{0}: {1} weekday holidays, {2} working weekends, {3} short days, {4} decree days (SOURCES.md counts)")
    @CsvSource({
            "2020, 14, 0, 3, 29",
            "2021, 15, 1, 3, 7",
            "2022, 14, 1, 3, 0",
            "2023, 13, 0, 3, 0",
            "2024, 17, 3, 5, 0",
            "2025, 15, 1, 4, 0",
            "2026, 14, 0, 4, 0",
            "2027, 15, 1, 4, 0"})
    void countsPerYear(int year, int holidays, int workingWeekends, int shortDays, int decreeDays) {
        List<CalendarDay> days = calendar.days(year);
        assertThat(calendar.confirmed(year)).isTrue();
        assertThat(days.stream().filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY && !d.weekend())).hasSize(holidays);
        assertThat(days.stream().filter(d -> d.kind() == CalendarDay.Kind.WORKING_WEEKEND)).hasSize(workingWeekends);
        assertThat(days.stream().filter(CalendarDay::shortened)).hasSize(shortDays);
        assertThat(days.stream().filter(d -> d.kind() == CalendarDay.Kind.NONWORKING_DECREE)).hasSize(decreeDays);
    }

    @ParameterizedTest(name = "{0}: {1} working days, {2} h under the standard schedule (SOURCES.md, actual figures)")
    @CsvSource({
            "2020, 219, 1749",
            "2021, 240, 1917",
            "2022, 247, 1973",
            "2023, 247, 1973",
            "2024, 248, 1979",
            "2025, 247, 1972",
            "2026, 247, 1972",
            "2027, 247, 1972"})
    void workingTimePerYear(int year, int days, int hours) {
        WorkingTimeCalculator standard = WorkingTimeFixtures.standard();
        LocalDate first = LocalDate.of(year, 1, 1);
        assertThat(standard.workingDays(first, first.plusYears(1))).isEqualTo(days);
        assertThat(standard.workingTime(first, first.plusYears(1))).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    @DisplayName("The two rows of 2027-02-20 merge into one working, short Saturday that works as Monday 22 Feb")
    void duplicateRowsMerge() {
        CalendarDay day = calendar.day(LocalDate.of(2027, 2, 20));
        assertThat(day.kind()).isEqualTo(CalendarDay.Kind.WORKING_WEEKEND);
        assertThat(day.shortened()).isTrue();
        assertThat(day.worksAs()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(day.note()).contains("Govt decree No. 1187");
        assertThat(day.shortNote()).contains("pre-holiday");
    }

    @ParameterizedTest(name = "Working weekend {0} takes over the day off of a {1}")
    @CsvSource({
            "2021-02-20, MONDAY",
            "2022-03-05, MONDAY",
            "2024-04-27, MONDAY",
            "2024-11-02, TUESDAY",
            "2024-12-28, MONDAY",
            "2025-11-01, MONDAY",
            "2027-02-20, MONDAY"})
    void workingWeekendsKnowTheirWeekday(LocalDate date, DayOfWeek weekday) {
        assertThat(calendar.day(date).worksAs()).isEqualTo(weekday);
    }

    @Test
    @DisplayName("2020-04-30, 2020-05-08 and 2021-11-03 are decree non-working days, not short days")
    void formerShortDaysAreNonWorking() {
        for (LocalDate date : List.of(LocalDate.of(2020, 4, 30), LocalDate.of(2020, 5, 8), LocalDate.of(2021, 11, 3))) {
            CalendarDay day = calendar.day(date);
            assertThat(day.kind()).isEqualTo(CalendarDay.Kind.NONWORKING_DECREE);
            assertThat(day.shortened()).isFalse();
            assertThat(WorkingTimeFixtures.standard().workingTime(date)).isZero();
        }
    }

    @Test
    @DisplayName("A weekend holiday is a holiday even though the data lists only weekdays (for six-day schedules)")
    void weekendHoliday() {
        CalendarDay saturday = calendar.day(LocalDate.of(2027, 1, 2));
        assertThat(saturday.kind()).isEqualTo(CalendarDay.Kind.HOLIDAY);
        assertThat(calendar.day(LocalDate.of(2027, 1, 9)).kind()).isEqualTo(CalendarDay.Kind.ORDINARY);
    }

    @Test
    @DisplayName("Art. 112/95 alone reproduce 2026 except the two Government transfers: 9 Jan and 31 Dec")
    void labourCodeRules2026() {
        assertThat(differences(2026)).containsExactly(
                "2026-01-09: data HOLIDAY/false, rules ORDINARY/false",
                "2026-12-31: data HOLIDAY/false, rules ORDINARY/true");
    }

    @Test
    @DisplayName("Art. 112/95 alone reproduce 2027 except decree No. 1187: working Sat 20 Feb, 22 Feb, 5 Nov, 31 Dec")
    void labourCodeRules2027() {
        assertThat(differences(2027)).containsExactly(
                "2027-02-20: data WORKING_WEEKEND/true, rules ORDINARY/false",
                "2027-02-22: data HOLIDAY/false, rules ORDINARY/true",
                "2027-11-05: data HOLIDAY/false, rules ORDINARY/false",
                "2027-12-31: data HOLIDAY/false, rules ORDINARY/true");
    }

    /** Dates where the data and the Labour Code rules disagree, ignoring notes and weekend holidays. */
    private List<String> differences(int year) {
        Map<LocalDate, CalendarDay> rules = ProductionCalendar.labourCode(year);
        Set<LocalDate> dates = new TreeSet<>(rules.keySet());
        calendar.days(year).forEach(d -> dates.add(d.date()));
        return dates.stream().map(date -> {
            CalendarDay data = calendar.day(date);
            CalendarDay rule = rules.getOrDefault(date,
                    new CalendarDay(date, CalendarDay.Kind.ORDINARY, false, null, null, null, false));
            boolean same = data.kind() == rule.kind() && data.shortened() == rule.shortened();
            return same ? null : date + ": data " + data.kind() + "/" + data.shortened()
                    + ", rules " + rule.kind() + "/" + rule.shortened();
        }).filter(Objects::nonNull).collect(Collectors.toList());
    }

    @Test
    @DisplayName("2028 without data: art. 112 carry-overs and art. 95 short days, marked unconfirmed")
    void yearWithoutData() {
        assertThat(calendar.confirmed(2028)).isFalse();
        // 4 Nov 2028 is a Saturday: carried over to Mon 6 Nov; Fri 3 Nov is short.
        assertThat(calendar.day(LocalDate.of(2028, 11, 6)).kind()).isEqualTo(CalendarDay.Kind.HOLIDAY);
        assertThat(calendar.day(LocalDate.of(2028, 11, 3)).shortened()).isTrue();
        // 9 May 2028 is a Tuesday, so Mon 8 May is short; 1 Jan (Sat) and 2 Jan (Sun) are not carried over.
        assertThat(calendar.day(LocalDate.of(2028, 5, 8)).shortened()).isTrue();
        assertThat(calendar.day(LocalDate.of(2028, 1, 10)).kind()).isEqualTo(CalendarDay.Kind.ORDINARY);
        assertThat(calendar.day(LocalDate.of(2028, 3, 15)).confirmed()).isFalse();
    }

    @Test
    @DisplayName("A year without data is logged as a warning once, however often it is used")
    void warnsOncePerYear() {
        Logger logger = (Logger) LoggerFactory.getLogger(ProductionCalendar.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            ProductionCalendar fresh = ProductionCalendar.builtIn();
            WorkingTimeCalculator calculator = new WorkingTimeCalculator(WorkSchedule.standard(), fresh);
            calculator.after(WorkingTimeFixtures.local("2027-03-01T09:00"), Duration.ofHours(8));
            calculator.after(WorkingTimeFixtures.local("2028-03-01T09:00"), Duration.ofHours(8));
            calculator.after(WorkingTimeFixtures.local("2028-06-01T09:00"), Duration.ofHours(8));
            calculator.before(WorkingTimeFixtures.local("2028-01-10T10:00"), Duration.ofHours(2));
            List<String> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("2028").contains("otklik.calendar.location");
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    @DisplayName("An override directory replaces the years it contains; a later file wins; other years stay built in")
    void overrideDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-2028.csv"), """
                date,kind,note
                2028-01-03,holiday,New Year holidays
                2028-01-10,holiday,hypothetical transfer
                """);
        Files.writeString(dir.resolve("b-2028.csv"), """
                date,kind,note
                2028-01-03,holiday,New Year holidays
                2028-01-11,holiday,hypothetical transfer that wins
                """);
        Files.writeString(dir.resolve("2027.csv"), """
                date,kind,note
                2027-01-01,holiday,New Year holidays
                """);
        ProductionCalendar overridden = ProductionCalendar.load(dir.toString());
        assertThat(overridden.confirmed(2028)).isTrue();
        assertThat(overridden.day(LocalDate.of(2028, 1, 10)).kind()).isEqualTo(CalendarDay.Kind.ORDINARY);
        assertThat(overridden.day(LocalDate.of(2028, 1, 11)).kind()).isEqualTo(CalendarDay.Kind.HOLIDAY);
        // 2027 now comes from 2027.csv alone: the transfer to 31 Dec is gone.
        assertThat(overridden.day(LocalDate.of(2027, 12, 31)).kind()).isEqualTo(CalendarDay.Kind.ORDINARY);
        assertThat(overridden.day(LocalDate.of(2026, 12, 31)).kind()).isEqualTo(CalendarDay.Kind.HOLIDAY);
    }

    @Test
    @DisplayName("An override file location (with or without file:) is read; a missing one stops start-up")
    void overrideFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("calendar.csv"), "date,kind,note\n2028-03-07,short,eve of 8 March\n");
        assertThat(ProductionCalendar.load("file:" + file).day(LocalDate.of(2028, 3, 7)).shortened()).isTrue();
        assertThat(ProductionCalendar.load(file.toString()).confirmed(2028)).isTrue();
        assertThatThrownBy(() -> ProductionCalendar.load(dir.resolve("missing.csv").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.csv");
        assertThat(ProductionCalendar.load("  ").confirmed(2028)).isFalse();
    }

    @ParameterizedTest(name = "Malformed row rejected with its line: {1}")
    @CsvSource(delimiter = '|', value = {
            "2027-13-01,holiday,x                           | line 2: date '2027-13-01'",
            "2027-01-01,vacation,x                          | kind 'vacation'",
            "2027-01-01,holiday,x\\n2027-01-01,working,y    | line 3: 2027-01-01 is both 'holiday' and 'working'",
            "2027-03-01,working,x                           | 'working' rows are for Saturdays and Sundays",
            "2027-03-08,holiday,x\\n2027-03-08,short,y      | cannot be both short and non-working",
            ",holiday,x                                     | column 'date' is missing"})
    void malformedRows(String rows, String message) {
        String csv = "date,kind,note\n" + rows.replace("\\n", "\n");
        assertThatThrownBy(() -> ProductionCalendar.parse("test.csv", new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.csv").hasMessageContaining(message);
    }
}
