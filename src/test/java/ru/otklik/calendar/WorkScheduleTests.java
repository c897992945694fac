package ru.otklik.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.otklik.organization.OrganizationPolicy.ScheduleSpec;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkScheduleTests {

    private static ScheduleSpec spec(String zone, Map<DayOfWeek, List<String>> week, Duration shortening) {
        return new ScheduleSpec(zone, week, shortening);
    }

    private static Map<DayOfWeek, List<String>> weekdays(String... intervals) {
        Map<DayOfWeek, List<String>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(intervals));
        }
        return week;
    }

    @Test
    @DisplayName("The standard schedule: Mon–Fri 09:00–13:00 and 14:00–18:00 in Asia/Novokuznetsk, 1 h shorter before a holiday")
    void standard() {
        WorkSchedule standard = WorkSchedule.standard();
        assertThat(standard.zone()).isEqualTo(ZoneId.of("Asia/Novokuznetsk"));
        assertThat(standard.intervals(DayOfWeek.MONDAY)).extracting(Object::toString).containsExactly("09:00-13:00", "14:00-18:00");
        assertThat(standard.intervals(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(standard.seconds(DayOfWeek.FRIDAY)).isEqualTo(8 * 3600);
        assertThat(standard.preHolidayShortening()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("A policy with the standard values equals the standard schedule (calculators are shared)")
    void policyEqualsStandard() {
        WorkSchedule schedule = WorkSchedule.of(spec("Asia/Novokuznetsk", weekdays("09:00-13:00", "14:00-18:00"), Duration.ofHours(1)));
        assertThat(schedule).isEqualTo(WorkSchedule.standard());
        assertThat(WorkSchedule.of(null)).isEqualTo(WorkSchedule.standard());
        assertThat(WorkSchedule.of(spec(null, null, null))).isEqualTo(WorkSchedule.standard());
    }

    @Test
    @DisplayName("A weekday missing from the policy is a day off; 24:00 may end a day")
    void missingWeekdayIsDayOff() {
        Map<DayOfWeek, List<String>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.MONDAY, List.of("08:00-24:00"));
        WorkSchedule schedule = WorkSchedule.of(spec("Europe/Moscow", week, Duration.ZERO));
        assertThat(schedule.intervals(DayOfWeek.TUESDAY)).isEmpty();
        assertThat(schedule.seconds(DayOfWeek.MONDAY)).isEqualTo(16 * 3600);
    }

    @Test
    @DisplayName("The zone the registry and reports use is the one working time counts in: Kuzbass time if none, trimmed")
    void policyZone() {
        assertThat(WorkSchedule.zoneOf(null)).isEqualTo(ZoneId.of("Asia/Novokuznetsk"));
        assertThat(WorkSchedule.zoneOf(spec(null, null, null))).isEqualTo(ZoneId.of("Asia/Novokuznetsk"));
        assertThat(WorkSchedule.zoneOf(spec(" Europe/Moscow ", null, null)))
                .isEqualTo(WorkSchedule.of(spec(" Europe/Moscow ", null, null)).zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    @DisplayName("A bad zone id is rejected naming it")
    void badZone() {
        assertThatThrownBy(() -> WorkSchedule.of(spec("Asia/Atlantis", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Asia/Atlantis");
    }

    @Test
    @DisplayName("A malformed interval is rejected naming it and the weekday")
    void malformedInterval() {
        assertThatThrownBy(() -> WorkSchedule.of(spec(null, weekdays("9-13"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'9-13'").hasMessageContaining("HH:mm-HH:mm");
        assertThatThrownBy(() -> WorkSchedule.of(spec(null, weekdays("09:00-25:00"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("09:00-25:00");
        assertThatThrownBy(() -> WorkSchedule.of(spec(null, weekdays("13:00-09:00"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start before it ends");
    }

    @Test
    @DisplayName("Overlapping or unordered intervals are rejected")
    void overlappingIntervals() {
        assertThatThrownBy(() -> WorkSchedule.of(spec(null, weekdays("09:00-13:00", "12:00-18:00"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> WorkSchedule.of(spec(null, weekdays("14:00-18:00", "09:00-13:00"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in order");
    }

    @Test
    @DisplayName("A schedule without any working time, or a shortening as long as a day, is rejected")
    void emptyOrOverShortened() {
        assertThatThrownBy(() -> WorkSchedule.of(spec(null, Map.of(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working time");
        assertThatThrownBy(() -> WorkSchedule.of(spec(null, null, Duration.ofHours(8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the shortest working day");
        assertThatThrownBy(() -> WorkSchedule.of(spec(null, null, Duration.ofHours(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("A long shortening is cut across lunch: 5 h off 09–13, 14–18 leaves 09:00–12:00")
    void shorteningAcrossLunch() {
        WorkSchedule schedule = WorkSchedule.of(spec(null, null, Duration.ofHours(5)));
        assertThat(schedule.shortened(schedule.intervals(DayOfWeek.MONDAY))).extracting(Object::toString)
                .containsExactly("09:00-12:00");
    }

    @Test
    @DisplayName("A working Saturday follows the weekday it replaces: 2027-02-20 takes Monday's (here shorter) schedule, minus 1 h")
    void workingSaturdayFollowsReplacedWeekday() {
        Map<DayOfWeek, List<String>> week = weekdays("09:00-13:00", "14:00-18:00");
        week.put(DayOfWeek.MONDAY, List.of("10:00-12:00"));
        WorkSchedule schedule = WorkSchedule.of(spec("Asia/Novokuznetsk", week, null));
        WorkingTimeCalculator calculator = new WorkingTimeCalculator(schedule, WorkingTimeFixtures.calendar());
        // 2027-02-20 replaces Mon 22 Feb and is short: 10:00–12:00 minus 1 h is 10:00–11:00.
        assertThat(calculator.workingTime(LocalDate.of(2027, 2, 20))).isEqualTo(Duration.ofHours(1));
        assertThat(calculator.after(WorkingTimeFixtures.local("2027-02-20T08:00"), Duration.ofMinutes(30)))
                .isEqualTo(WorkingTimeFixtures.local("2027-02-20T10:30"));
        // 2024-04-27 replaces Mon 29 Apr and is a full day: 2 h.
        assertThat(calculator.workingTime(LocalDate.of(2024, 4, 27))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    @DisplayName("Another zone: Europe/Moscow 09:00 is 13:00 in Kuzbass")
    void otherZone() {
        WorkSchedule moscow = WorkSchedule.of(spec("Europe/Moscow", null, null));
        WorkingTimeCalculator calculator = new WorkingTimeCalculator(moscow, WorkingTimeFixtures.calendar());
        Instant mondayNineMoscow = OffsetDateTime.parse("2027-03-01T09:00:00+03:00").toInstant();
        assertThat(calculator.after(WorkingTimeFixtures.local("2027-03-01T09:00"), Duration.ofHours(1)))
                .isEqualTo(mondayNineMoscow.plus(Duration.ofHours(1)));
    }

    @Test
    @DisplayName("A day with a clock change counts real seconds: a Berlin Sunday 00:00–24:00 on 2027-03-28 has 23 h")
    void clockChange() {
        Map<DayOfWeek, List<String>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, List.of("00:00-24:00"));
        week.put(DayOfWeek.MONDAY, List.of("09:00-18:00"));
        WorkSchedule berlin = WorkSchedule.of(spec("Europe/Berlin", week, Duration.ZERO));
        WorkingTimeCalculator calculator = new WorkingTimeCalculator(berlin, WorkingTimeFixtures.calendar());
        assertThat(calculator.workingTime(LocalDate.of(2027, 3, 28))).isEqualTo(Duration.ofHours(23));
        assertThat(calculator.workingTime(LocalDate.of(2027, 10, 31))).isEqualTo(Duration.ofHours(25));
        Instant sundayStart = OffsetDateTime.parse("2027-03-28T00:00:00+01:00").toInstant();
        assertThat(calculator.after(sundayStart, Duration.ofHours(23)))
                .isEqualTo(OffsetDateTime.parse("2027-03-29T00:00:00+02:00").toInstant());
        assertThat(calculator.after(sundayStart, Duration.ofHours(24)))
                .isEqualTo(OffsetDateTime.parse("2027-03-29T10:00:00+02:00").toInstant());
    }
}
