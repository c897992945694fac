package ru.otklik.content.weekly;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The week of the weekly check in Kuzbass time, its schedule, and the ACC-7 / ACC-8 verdicts on fixtures. */
class WeekWindowTests {

    static final ZoneId KUZBASS = ZoneId.of("Asia/Novokuznetsk");

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    @DisplayName("ACC-7: the week 16.11–22.11.2026 is Monday 00:00+07:00 to Monday 00:00+07:00 (Sunday 23:30 in, Monday 00:00 out)")
    void weekBoundariesInKuzbass() {
        WeekWindow week = WeekWindow.of(LocalDate.of(2026, 11, 16), KUZBASS);

        assertThat(week.from()).isEqualTo(at("2026-11-16T00:00:00+07:00")).isEqualTo(at("2026-11-15T17:00:00Z"));
        assertThat(week.to()).isEqualTo(at("2026-11-23T00:00:00+07:00"));
        Instant sundayLate = at("2026-11-22T23:30:00+07:00");
        Instant mondayMidnight = at("2026-11-23T00:00:00+07:00");
        assertThat(!sundayLate.isBefore(week.from()) && sundayLate.isBefore(week.to())).isTrue();
        assertThat(mondayMidnight.isBefore(week.to())).isFalse();
        assertThat(week.title()).isEqualTo("16.11.2026 – 22.11.2026");
    }

    @ParameterizedTest(name = "now {0} → checked week starts {1}")
    @CsvSource({
            // Monday 09:00 Kuzbass = Monday 02:00 UTC: the past week
            "2026-11-23T02:00:00Z, 2026-11-16",
            // Sunday 23:30 Kuzbass is still the week of 16.11: the week before it
            "2026-11-22T16:30:00Z, 2026-11-09",
            // Sunday 17:30 UTC is already Monday 00:30 in Kuzbass
            "2026-11-22T17:30:00Z, 2026-11-16"
    })
    @DisplayName("ACC-7: the past week is the last complete Kuzbass week before now")
    void previousWeek(String now, String monday) {
        assertThat(WeekWindow.previous(Instant.parse(now), KUZBASS).monday()).isEqualTo(LocalDate.parse(monday));
    }

    @ParameterizedTest(name = "now {0} → next check {1}")
    @CsvSource({
            "2026-11-22T10:00:00+07:00, 2026-11-23T09:00+07:00",
            // exactly at the check: the next week's
            "2026-11-23T09:00:00+07:00, 2026-11-30T09:00+07:00",
            "2026-11-23T08:59:00+07:00, 2026-11-23T09:00+07:00",
            // Sunday 20:00 UTC is Monday 03:00 in Kuzbass: 09:00 the same Kuzbass Monday
            "2026-11-22T20:00:00Z, 2026-11-23T09:00+07:00"
    })
    @DisplayName("ACC-7, ACC-8: the weekly check runs Monday 09:00 Asia/Novokuznetsk whatever the JVM zone")
    void nextCheck(String now, String expected) {
        assertThat(ContentSchedule.nextCheck(OffsetDateTime.parse(now).toInstant()))
                .isEqualTo(OffsetDateTime.parse(expected));
    }

    @Test
    @DisplayName("ACC-7: the cycle is an ISO repetition anchored at Monday 09:00+07:00, every 168 hours")
    void cycleExpression() {
        String cycle = new ContentSchedule().weeklyCheckCycle();

        assertThat(cycle).matches("R/\\d{4}-\\d{2}-\\d{2}T09:00:00\\+07:00/PT168H");
        assertThat(OffsetDateTime.parse(cycle.split("/")[1]).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    }

    @ParameterizedTest(name = "{0} publications (min {1}) → below minimum {2}")
    @CsvSource({"9, 10, true", "10, 10, false", "11, 10, false", "6, 7, true", "7, 7, false", "0, 7, true"})
    @DisplayName("ACC-7: at least 10 a week (kuzbass-gov, zags), 7 (nkr)")
    void weeklyMinimum(int publications, int minimum, boolean below) {
        WeeklyVerdict verdict = new WeeklyVerdict(publications, 0, minimum, null, 0);

        assertThat(verdict.belowMinimum()).isEqualTo(below);
        assertThat(verdict.shortfall()).isEqualTo(below);
    }

    @ParameterizedTest(name = "{1} reposts of {0} → cap 25 % exceeded {2}")
    @CsvSource({"4, 1, false", "4, 2, true", "8, 2, false", "8, 3, true", "7, 2, true", "3, 0, false",
            "0, 0, false", "100, 25, false", "100, 26, true"})
    @DisplayName("ACC-8: reposts at most 25 % of all publications (minzdrav), exact integer comparison")
    void repostCap(int publications, int reposts, boolean exceeded) {
        WeeklyVerdict verdict = new WeeklyVerdict(publications, reposts, null, 25, 0);

        assertThat(verdict.repostCapExceeded()).isEqualTo(exceeded);
        assertThat(verdict.belowMinimum()).isFalse();
    }

    @Test
    @DisplayName("ACC-6, ACC-7, ACC-8: the findings staff read name each shortfall in Russian")
    void findings() {
        WeeklyVerdict verdict = new WeeklyVerdict(8, 3, 10, 25, 2);

        assertThat(verdict.shortfall()).isTrue();
        assertThat(verdict.repostPercent()).isEqualTo(38);
        assertThat(verdict.findings()).isEqualTo("""
                Публикаций за неделю: 8 при рекомендованном минимуме 10 (ACC-7).
                Доля репостов: 38 % (3 из 8) при допустимых 25 % (ACC-8).
                Не опубликовано по контент-плану: 2 (ACC-6).""");
        assertThat(new WeeklyVerdict(10, 0, 10, null, 0).findings()).isEqualTo("Замечаний нет.");
    }

    @Test
    @DisplayName("ACC-6: no act sets anything for the content plan alone beyond missed items → shortfall when one is missed")
    void missedPlanItemIsAShortfall() {
        assertThat(new WeeklyVerdict(12, 0, 10, null, 1).shortfall()).isTrue();
        assertThat(new WeeklyVerdict(12, 0, 10, null, 0).shortfall()).isFalse();
    }
}
