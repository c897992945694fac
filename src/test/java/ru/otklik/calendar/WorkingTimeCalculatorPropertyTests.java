package ru.otklik.calendar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the working-time arithmetic over 2019–2029 (years with and without calendar data), with
 * instants biased towards the edges of working intervals, where off-by-one mistakes live.
 */
@Label("Working time invariants")
class WorkingTimeCalculatorPropertyTests {

    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final int DAYS = (int) ChronoUnit.DAYS.between(FIRST, LocalDate.of(2030, 1, 1));
    private static final Integer[] EDGES = {0, 9 * 3600, 13 * 3600, 14 * 3600, 17 * 3600, 18 * 3600};

    private final WorkingTimeCalculator calculator = WorkingTimeFixtures.standard();
    private final ProductionCalendar calendar = WorkingTimeFixtures.calendar();

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, DAYS - 1).map(FIRST::plusDays);
        Arbitrary<Integer> anySecond = Arbitraries.integers().between(0, 86_399);
        Arbitrary<Integer> nearEdge = Combinators.combine(Arbitraries.of(EDGES), Arbitraries.integers().between(-1, 1))
                .as((edge, delta) -> Math.max(0, edge + delta));
        Arbitrary<Integer> seconds = Arbitraries.frequencyOf(
                Tuple.of(3, anySecond), Tuple.of(1, nearEdge));
        return Combinators.combine(dates, seconds)
                .as((date, second) -> date.atTime(LocalTime.ofSecondOfDay(second)).toInstant(WorkingTimeFixtures.KUZBASS));
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 10 * 3600)),
                Tuple.of(2, Arbitraries.longs().between(0, 60L * 8 * 3600)),
                Tuple.of(1, Arbitraries.longs().between(0, 366L * 86_400)),
                Tuple.of(1, Arbitraries.of(0L, 1L, 25 * 60L, 4 * 3600L, 8 * 3600L, 7 * 3600L)))
                .map(Duration::ofSeconds);
    }

    @Property(tries = 2000)
    @Label("MSG-11: the working time from t to after(t, d) is d")
    void betweenAfterIsDuration(@ForAll("instants") Instant t, @ForAll("durations") Duration d) {
        assertThat(calculator.between(t, calculator.after(t, d))).isEqualTo(d);
    }

    @Property(tries = 2000)
    @Label("after(t, d) is the earliest such instant: one second earlier has d − 1 s")
    void afterIsEarliest(@ForAll("instants") Instant t, @ForAll("durations") Duration d) {
        Instant s = calculator.after(t, d);
        assertThat(s).isAfterOrEqualTo(t);
        if (!d.isZero()) {
            assertThat(calculator.between(t, s.minusSeconds(1))).isEqualTo(d.minusSeconds(1));
        }
    }

    @Property(tries = 2000)
    @Label("MSG-13: before(t, d) is the latest instant with d of working time up to t")
    void beforeIsLatest(@ForAll("instants") Instant t, @ForAll("durations") Duration d) {
        Instant s = calculator.before(t, d);
        assertThat(s).isBeforeOrEqualTo(t);
        assertThat(calculator.between(s, t)).isEqualTo(d);
        if (!d.isZero()) {
            assertThat(calculator.between(s.plusSeconds(1), t)).isEqualTo(d.minusSeconds(1));
        }
    }

    @Property(tries = 1000)
    @Label("after is monotonic in the start")
    void afterMonotonicInStart(@ForAll("instants") Instant a, @ForAll("instants") Instant b, @ForAll("durations") Duration d) {
        Instant early = a.isBefore(b) ? a : b;
        Instant late = a.isBefore(b) ? b : a;
        assertThat(calculator.after(early, d)).isBeforeOrEqualTo(calculator.after(late, d));
    }

    @Property(tries = 1000)
    @Label("after is monotonic in the duration")
    void afterMonotonicInDuration(@ForAll("instants") Instant t, @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        Duration shorter = a.compareTo(b) < 0 ? a : b;
        Duration longer = a.compareTo(b) < 0 ? b : a;
        assertThat(calculator.after(t, shorter)).isBeforeOrEqualTo(calculator.after(t, longer));
    }

    @Property(tries = 2000)
    @Label("after(before(t, d), d) ≤ t")
    void afterOfBeforeIsNotLater(@ForAll("instants") Instant t, @ForAll("durations") Duration d) {
        assertThat(calculator.after(calculator.before(t, d), d)).isBeforeOrEqualTo(t);
    }

    @Property(tries = 2000)
    @Label("Round trip: before(after(t, d), d) is t moved to the next working instant")
    void beforeOfAfterReturnsToStart(@ForAll("instants") Instant t, @ForAll("durations") Duration d) {
        Instant back = calculator.before(calculator.after(t, d), d);
        assertThat(back).isAfterOrEqualTo(t);
        if (!d.isZero()) {
            // Nothing is worked between t and where the round trip lands.
            assertThat(calculator.between(t, back)).isZero();
        }
    }

    @Property(tries = 1000)
    @Label("between is additive")
    void betweenIsAdditive(@ForAll("instants") Instant a, @ForAll("instants") Instant b, @ForAll("instants") Instant c) {
        Instant[] sorted = Stream.of(a, b, c).sorted().toArray(Instant[]::new);
        assertThat(calculator.between(sorted[0], sorted[2]))
                .isEqualTo(calculator.between(sorted[0], sorted[1]).plus(calculator.between(sorted[1], sorted[2])));
    }

    @Property(tries = 1000)
    @Label("between agrees with a day-by-day count from the calendar rows")
    void betweenAgreesWithReference(@ForAll("instants") Instant a, @ForAll("durations") Duration span) {
        Instant b = a.plus(Duration.ofSeconds(span.getSeconds() % (90L * 86_400)));
        assertThat(calculator.between(a, b).getSeconds()).isEqualTo(reference(a, b));
    }

    @Property(tries = 1000)
    @Label("MSG-17: workingDaysAfter ends at 18:00 or 17:00 of the n-th working day after the start date")
    void workingDaysAfterCountsWorkingDays(@ForAll("instants") Instant t, @ForAll("days") int n) {
        Instant end = calculator.workingDaysAfter(t, n);
        if (n == 0) {
            assertThat(end).isEqualTo(t);
            return;
        }
        LocalDate start = date(t);
        LocalDate last = date(end);
        int counted = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            counted += daySeconds(d) > 0 ? 1 : 0;
        }
        assertThat(counted).isEqualTo(n);
        assertThat(daySeconds(last)).isPositive();
        LocalTime endTime = end.atOffset(WorkingTimeFixtures.KUZBASS).toLocalTime();
        assertThat(endTime).isEqualTo(daySeconds(last) == 8 * 3600 ? LocalTime.of(18, 0) : LocalTime.of(17, 0));
    }

    @Property(tries = 1000)
    @Label("ACC-4: calendarDaysAfter ends at 24:00 of the n-th day, or of the first working day after it")
    void calendarDaysAfterEndsAtMidnight(@ForAll("instants") Instant t, @ForAll("days") int n) {
        Instant end = calculator.calendarDaysAfter(t, n);
        if (n == 0) {
            assertThat(end).isEqualTo(t);
            return;
        }
        LocalDate last = date(end).minusDays(1);
        assertThat(end).isEqualTo(date(end).atStartOfDay().toInstant(WorkingTimeFixtures.KUZBASS));
        assertThat(daySeconds(last)).isPositive();
        LocalDate nth = date(t).plusDays(n);
        assertThat(last).isAfterOrEqualTo(nth);
        for (LocalDate d = nth; d.isBefore(last); d = d.plusDays(1)) {
            assertThat(daySeconds(d)).as("%s is skipped, so it must be non-working", d).isZero();
        }
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 366);
    }

    private static LocalDate date(Instant instant) {
        return instant.atOffset(WorkingTimeFixtures.KUZBASS).toLocalDate();
    }

    /** Working seconds in [a, b], counted from the calendar rows and the standard day independently of the tables. */
    private long reference(Instant a, Instant b) {
        long total = 0;
        for (LocalDate d = date(a); !d.isAfter(date(b)); d = d.plusDays(1)) {
            for (int[] interval : intervals(d)) {
                long from = d.atStartOfDay().toInstant(WorkingTimeFixtures.KUZBASS).getEpochSecond() + interval[0];
                long to = d.atStartOfDay().toInstant(WorkingTimeFixtures.KUZBASS).getEpochSecond() + interval[1];
                total += Math.max(0, Math.min(to, b.getEpochSecond()) - Math.max(from, a.getEpochSecond()));
            }
        }
        return total;
    }

    private long daySeconds(LocalDate date) {
        long sum = 0;
        for (int[] interval : intervals(date)) {
            sum += interval[1] - interval[0];
        }
        return sum;
    }

    /** The standard day read straight off a calendar row: 09–13 and 14–18, or 14–17 when short. */
    private int[][] intervals(LocalDate date) {
        CalendarDay day = calendar.day(date);
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean works = day.kind() == CalendarDay.Kind.WORKING_WEEKEND || (day.kind() == CalendarDay.Kind.ORDINARY && !weekend);
        if (!works) {
            return new int[0][];
        }
        int end = day.shortened() ? 17 * 3600 : 18 * 3600;
        return new int[][] {{9 * 3600, 13 * 3600}, {14 * 3600, end}};
    }
}
