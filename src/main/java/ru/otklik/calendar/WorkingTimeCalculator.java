package ru.otklik.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Working-time arithmetic for one schedule on one production calendar, to the second.
 *
 * <p>Every day of the supported range is precomputed once: the instant it starts, its working intervals
 * (as seconds from that instant, so days with a clock change are exact) and the cumulative working
 * seconds and working days before it. A query finds its day by arithmetic, the target day by a galloping
 * search over the cumulative table and the instant inside that day by walking at most a few intervals, so
 * its cost does not grow with the duration.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WorkingTimeCalculator {

    /** The range covered by the tables; calendar data outside it is not expected in this system's lifetime. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    private static final long DAY = 86_400L;

    private final WorkSchedule schedule;
    private final ProductionCalendar calendar;
    private final LocalDate firstDay;
    private final int days;
    /** Instant (epoch second) each day starts; {@code start[days]} ends the range. */
    private final long[] start;
    /** Index into {@link #patterns} per day. */
    private final short[] pattern;
    /** Distinct working intervals of a day: start, end, start, end… in seconds from the day's start. */
    private final int[][] patterns;
    /** Working seconds before each day; {@code work[days]} is the total. */
    private final long[] work;
    /** Working days (with any working time) before each day. */
    private final long[] workingDays;
    /** Days of years without calendar data before each day; a difference means a warning is due. */
    private final int[] unconfirmed;
    /** The longest working day: a lower bound on how many days a duration spans, to start searching near. */
    private final long longestDay;

    public WorkingTimeCalculator(WorkSchedule schedule, ProductionCalendar calendar) {
        this.schedule = schedule;
        this.calendar = calendar;
        int firstYear = Math.min(FIRST_YEAR, calendar.confirmedYears().isEmpty() ? FIRST_YEAR : calendar.confirmedYears().first());
        int lastYear = Math.max(LAST_YEAR, calendar.confirmedYears().isEmpty() ? LAST_YEAR : calendar.confirmedYears().last());
        this.firstDay = LocalDate.of(firstYear, 1, 1);
        this.days = (int) ChronoUnit.DAYS.between(firstDay, LocalDate.of(lastYear + 1, 1, 1));
        this.start = new long[days + 1];
        this.pattern = new short[days];
        this.work = new long[days + 1];
        this.workingDays = new long[days + 1];
        this.unconfirmed = new int[days + 1];

        ZoneId zone = schedule.zone();
        ZoneRules rules = zone.getRules();
        Map<List<Integer>, Integer> index = new HashMap<>();
        List<int[]> distinct = new ArrayList<>();
        LocalDate date = firstDay;
        long dayStart = date.atStartOfDay(zone).toEpochSecond();
        for (int i = 0; i < days; i++, date = date.plusDays(1)) {
            long nextStart = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
            start[i] = dayStart;
            CalendarDay day = calendar.day(date);
            int[] intervals = elapsed(date, dayStart, nextStart, intervals(day), rules, zone);
            List<Integer> key = new ArrayList<>(intervals.length);
            for (int second : intervals) {
                key.add(second);
            }
            Integer id = index.get(key);
            if (id == null) {
                id = distinct.size();
                if (id > Short.MAX_VALUE) {
                    throw new IllegalStateException("Too many distinct working days");
                }
                index.put(key, id);
                distinct.add(intervals);
            }
            pattern[i] = id.shortValue();
            int seconds = total(intervals);
            work[i + 1] = work[i] + seconds;
            workingDays[i + 1] = workingDays[i] + (seconds > 0 ? 1 : 0);
            unconfirmed[i + 1] = unconfirmed[i] + (calendar.confirmed(date.getYear()) ? 0 : 1);
            dayStart = nextStart;
        }
        start[days] = dayStart;
        this.patterns = distinct.toArray(new int[0][]);
        long longest = 1;
        for (int[] p : patterns) {
            longest = Math.max(longest, total(p));
        }
        this.longestDay = longest;
    }

    public WorkSchedule schedule() {
        return schedule;
    }

    public ZoneId zone() {
        return schedule.zone();
    }

    public ProductionCalendar calendar() {
        return calendar;
    }

    /** Whether the instant lies in the range the tables cover. */
    public boolean supports(Instant instant) {
        long t = instant.getEpochSecond();
        return t >= start[0] && t < start[days];
    }

    /**
     * The earliest instant {@code s >= from} such that the working time in {@code [from, s]} equals
     * {@code duration}. A start outside working hours counts from the next working instant; a result at
     * the end of an interval is that end (8 h from Monday 09:00 is Monday 18:00), and {@code after(t, 0) = t}.
     */
    public Instant after(Instant from, Duration duration) {
        return Instant.ofEpochSecond(after(from.getEpochSecond(), seconds(duration)));
    }

    /**
     * The latest instant {@code s <= from} such that the working time in {@code [s, from]} equals
     * {@code duration} ("no later than 2 h 30 min before the deadline", MSG-13, MSG-18).
     */
    public Instant before(Instant from, Duration duration) {
        return Instant.ofEpochSecond(before(from.getEpochSecond(), seconds(duration)));
    }

    /** The working time in {@code [from, to]}; zero if {@code to <= from}. */
    public Duration between(Instant from, Instant to) {
        return Duration.ofSeconds(between(from.getEpochSecond(), to.getEpochSecond()));
    }

    /**
     * A term in working days (MSG-17, ACC-4, ACC-15): counting starts the day after {@code from}'s date,
     * and the term ends when the schedule ends on the n-th working day. Zero days: {@code from} itself.
     */
    public Instant workingDaysAfter(Instant from, int count) {
        return Instant.ofEpochSecond(workingDaysAfter(from.getEpochSecond(), count));
    }

    /**
     * A term in calendar days (ACC-4): counting starts the day after {@code from}'s date and the term ends
     * at 24:00 of the n-th day; if that day is non-working, at 24:00 of the next working day (Civil Code
     * art. 191, 193). 24:00 is returned as the next day's 00:00. Zero days: {@code from} itself.
     */
    public Instant calendarDaysAfter(Instant from, int count) {
        return Instant.ofEpochSecond(calendarDaysAfter(from.getEpochSecond(), count));
    }

    /** Working time of a date under this schedule. */
    public Duration workingTime(LocalDate date) {
        int i = index(date);
        return Duration.ofSeconds(work[i + 1] - work[i]);
    }

    /** Working time of the dates in {@code [from, to)}. */
    public Duration workingTime(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(work[index(to.minusDays(1)) + 1] - work[index(from)]);
    }

    /** Days with working time in {@code [from, to)}. */
    public int workingDays(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return (int) (workingDays[index(to.minusDays(1)) + 1] - workingDays[index(from)]);
    }

    long after(long t, long d) {
        int i = dayOf(t);
        if (d == 0) {
            return t;
        }
        long target = work[i] + workedIn(i, t - start[i]) + d;
        // No day holds more than the longest day, so the answer is at least this many days ahead.
        long skip = Math.max(0, target - work[i + 1]) / longestDay;
        int j = firstAtLeast(work, (int) Math.min(days, i + 1 + skip), target) - 1;
        if (j >= days) {
            throw outOfRange("after", t);
        }
        noteUse(i, j);
        long remaining = target - work[j];
        int[] p = patterns[pattern[j]];
        for (int k = 0; ; k += 2) {
            int length = p[k + 1] - p[k];
            // "<=": reaching the end of an interval stops there, at the start of the break.
            if (remaining <= length) {
                return start[j] + p[k] + remaining;
            }
            remaining -= length;
        }
    }

    long before(long t, long d) {
        int i = dayOf(t);
        if (d == 0) {
            return t;
        }
        long target = work[i] + workedIn(i, t - start[i]) - d;
        if (target < 0) {
            throw outOfRange("before", t);
        }
        // Likewise the answer is at least this many days back.
        long skip = (work[i] - Math.min(work[i], target)) / longestDay;
        int j = lastAtMost(work, (int) Math.max(0, i - skip), target);
        noteUse(j, i);
        long remaining = target - work[j];
        int[] p = patterns[pattern[j]];
        for (int k = 0; ; k += 2) {
            int length = p[k + 1] - p[k];
            // "<": the latest start skips a break forward, to the start of the next interval.
            if (remaining < length) {
                return start[j] + p[k] + remaining;
            }
            remaining -= length;
        }
    }

    long between(long a, long b) {
        if (b <= a) {
            return 0;
        }
        int i = dayOf(a);
        int j = dayOf(b);
        noteUse(i, j);
        return work[j] + workedIn(j, b - start[j]) - work[i] - workedIn(i, a - start[i]);
    }

    long workingDaysAfter(long t, int n) {
        requireCount(n);
        int i = dayOf(t);
        if (n == 0) {
            return t;
        }
        // The n-th working day is at least n days ahead.
        int j = firstAtLeast(workingDays, (int) Math.min(days, (long) i + 1 + n), workingDays[i + 1] + n) - 1;
        if (j >= days) {
            throw outOfRange("workingDaysAfter", t);
        }
        noteUse(i, j);
        int[] p = patterns[pattern[j]];
        return start[j] + p[p.length - 1];
    }

    long calendarDaysAfter(long t, int n) {
        requireCount(n);
        int i = dayOf(t);
        if (n == 0) {
            return t;
        }
        int last = i + n;
        if (last >= days) {
            throw outOfRange("calendarDaysAfter", t);
        }
        // Civil Code art. 193: a last day that is not a working day moves to the next working day.
        int j = firstAtLeast(workingDays, last + 1, workingDays[last] + 1) - 1;
        if (j >= days) {
            throw outOfRange("calendarDaysAfter", t);
        }
        noteUse(i, j);
        return start[j + 1];
    }

    /** The day containing instant {@code t}: an estimate by whole days, corrected for clock changes. */
    private int dayOf(long t) {
        if (t < start[0] || t >= start[days]) {
            throw new IllegalArgumentException("Instant " + Instant.ofEpochSecond(t) + " is outside the supported range "
                    + firstDay + " … " + firstDay.plusDays(days - 1L));
        }
        int i = (int) Math.min(days - 1L, Math.max(0L, Math.floorDiv(t - start[0], DAY)));
        while (start[i] > t) {
            i--;
        }
        while (start[i + 1] <= t) {
            i++;
        }
        return i;
    }

    private int index(LocalDate date) {
        long i = ChronoUnit.DAYS.between(firstDay, date);
        if (i < 0 || i >= days) {
            throw new IllegalArgumentException("Date " + date + " is outside the supported range "
                    + firstDay + " … " + firstDay.plusDays(days - 1L));
        }
        return (int) i;
    }

    /** Working seconds of day {@code i} before {@code offset} seconds into it. */
    private long workedIn(int i, long offset) {
        int[] p = patterns[pattern[i]];
        long worked = 0;
        for (int k = 0; k < p.length && offset > p[k]; k += 2) {
            worked += Math.min(offset, p[k + 1]) - p[k];
        }
        return worked;
    }

    /** Smallest {@code k >= from} with {@code a[k] >= target} ({@code a} non-decreasing), or {@code a.length}. */
    private static int firstAtLeast(long[] a, int from, long target) {
        if (from >= a.length || a[from] >= target) {
            return Math.min(from, a.length);
        }
        // Gallop: the answer is usually near, so probe 1, 2, 4 … ahead before bisecting.
        int low = from;
        int step = 1;
        int high = from + step;
        while (high < a.length && a[high] < target) {
            low = high;
            step <<= 1;
            high = from + step;
        }
        if (high >= a.length) {
            high = a.length;
        }
        // a[low] < target, and a[high] >= target or high == a.length
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (a[mid] < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    /** Largest {@code k <= from} with {@code a[k] <= target}; requires {@code a[0] <= target}. */
    private static int lastAtMost(long[] a, int from, long target) {
        if (a[from] <= target) {
            return from;
        }
        int high = from;
        int step = 1;
        int low = from - step;
        while (low > 0 && a[low] > target) {
            high = low;
            step <<= 1;
            low = from - step;
        }
        if (low < 0) {
            low = 0;
        }
        // a[low] <= target < a[high]
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (a[mid] <= target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void noteUse(int from, int to) {
        if (unconfirmed[to + 1] != unconfirmed[from]) {
            for (int year = firstDay.plusDays(from).getYear(); year <= firstDay.plusDays(to).getYear(); year++) {
                calendar.noteUse(year);
            }
        }
    }

    private IllegalArgumentException outOfRange(String operation, long t) {
        return new IllegalArgumentException(operation + " from " + Instant.ofEpochSecond(t)
                + " leaves the supported range " + firstDay + " … " + firstDay.plusDays(days - 1L));
    }

    private static long seconds(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Duration " + duration + " is negative");
        }
        return duration.getSeconds();
    }

    private static void requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Day count " + n + " is negative");
        }
    }

    private static int total(int[] intervals) {
        int sum = 0;
        for (int k = 0; k < intervals.length; k += 2) {
            sum += intervals[k + 1] - intervals[k];
        }
        return sum;
    }

    /** The local working intervals of a calendar day under this schedule. */
    private List<WorkSchedule.Interval> intervals(CalendarDay day) {
        if (day.nonWorking()) {
            return List.of();
        }
        List<WorkSchedule.Interval> intervals;
        if (day.kind() == CalendarDay.Kind.WORKING_WEEKEND) {
            // A transferred working weekend follows the weekday it replaces; unknown: a normal working day.
            DayOfWeek as = day.worksAs() != null ? day.worksAs() : firstWorkingWeekday();
            intervals = schedule.intervals(as);
            if (intervals.isEmpty() && day.worksAs() == null) {
                intervals = schedule.intervals(firstWorkingWeekday());
            }
        } else {
            intervals = schedule.intervals(day.date().getDayOfWeek());
        }
        return day.shortened() ? schedule.shortened(intervals) : intervals;
    }

    private DayOfWeek firstWorkingWeekday() {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (!schedule.intervals(d).isEmpty()) {
                return d;
            }
        }
        throw new IllegalStateException("The schedule has no working day");
    }

    /** Local intervals as seconds from the day's start instant; exact on days the clock changes. */
    private static int[] elapsed(LocalDate date, long dayStart, long nextStart, List<WorkSchedule.Interval> local,
                                 ZoneRules rules, ZoneId zone) {
        ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(dayStart));
        boolean steady = nextStart - dayStart == DAY
                && (transition == null || transition.getInstant().getEpochSecond() >= nextStart);
        int[] result = new int[local.size() * 2];
        int n = 0;
        for (WorkSchedule.Interval interval : local) {
            int from = steady ? interval.start() : offset(date, interval.start(), dayStart, nextStart, zone);
            int to = steady ? interval.end() : offset(date, interval.end(), dayStart, nextStart, zone);
            if (to > from) {
                result[n++] = from;
                result[n++] = to;
            }
        }
        return n == result.length ? result : Arrays.copyOf(result, n);
    }

    private static int offset(LocalDate date, int localSecond, long dayStart, long nextStart, ZoneId zone) {
        if (localSecond >= WorkSchedule.SECONDS_PER_DAY) {
            return (int) (nextStart - dayStart);
        }
        long instant = ZonedDateTime.of(date, LocalTime.ofSecondOfDay(localSecond), zone).toEpochSecond();
        return (int) Math.max(0, Math.min(nextStart - dayStart, instant - dayStart));
    }
}
