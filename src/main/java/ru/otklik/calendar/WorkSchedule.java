package ru.otklik.calendar;

import ru.otklik.organization.OrganizationPolicy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An organization's weekly working schedule: working intervals per weekday in its time zone, and how
 * much earlier a pre-holiday day ends (Labour Code art. 95). A weekday without intervals is a day off.
 * Breaks (lunch) are the gaps between intervals and are not working time.
 */
public record WorkSchedule(ZoneId zone, Map<DayOfWeek, List<Interval>> week, Duration preHolidayShortening) {

    /** Kuzbass: all the organizations of the acts sit in UTC+7. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Novokuznetsk");
    public static final Duration DEFAULT_SHORTENING = Duration.ofHours(1);
    static final int SECONDS_PER_DAY = 24 * 3600;

    private static final Pattern INTERVAL = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final List<Interval> STANDARD_DAY = List.of(new Interval(9 * 3600, 13 * 3600),
            new Interval(14 * 3600, 18 * 3600));
    private static final WorkSchedule STANDARD = new WorkSchedule(DEFAULT_ZONE, standardWeek(), DEFAULT_SHORTENING);

    public WorkSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(preHolidayShortening, "preHolidayShortening");
        EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        int shortestDay = Integer.MAX_VALUE;
        for (Map.Entry<DayOfWeek, List<Interval>> day : week.entrySet()) {
            List<Interval> intervals = List.copyOf(Objects.requireNonNull(day.getValue(), day.getKey().toString()));
            for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i).start() < intervals.get(i - 1).end()) {
                    throw new IllegalArgumentException("Working intervals on " + day.getKey()
                            + " overlap or are not in order: " + intervals.get(i - 1) + ", " + intervals.get(i));
                }
            }
            if (!intervals.isEmpty()) {
                copy.put(day.getKey(), intervals);
                shortestDay = Math.min(shortestDay, seconds(intervals));
            }
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("The schedule has no working time on any weekday");
        }
        if (preHolidayShortening.isNegative() || preHolidayShortening.getNano() != 0
                || preHolidayShortening.getSeconds() >= shortestDay) {
            throw new IllegalArgumentException("Pre-holiday shortening " + preHolidayShortening
                    + " must be whole seconds, not negative and shorter than the shortest working day");
        }
        week = Collections.unmodifiableMap(copy);
    }

    /** Mon–Fri 09:00–13:00 and 14:00–18:00 in Asia/Novokuznetsk, one hour shorter before a holiday. */
    public static WorkSchedule standard() {
        return STANDARD;
    }

    /**
     * The time zone a policy file's schedule states; Kuzbass time when it names none.
     *
     * @throws IllegalArgumentException naming the bad zone
     */
    public static ZoneId zoneOf(OrganizationPolicy.ScheduleSpec spec) {
        if (spec == null || spec.zone() == null) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(spec.zone().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + spec.zone() + "' is not a time zone id (e.g. Asia/Novokuznetsk)");
        }
    }

    /**
     * The schedule a policy file states. A missing zone, week or shortening takes the standard value;
     * a weekday missing from the week is a day off.
     *
     * @throws IllegalArgumentException naming the bad zone, interval or weekday
     */
    public static WorkSchedule of(OrganizationPolicy.ScheduleSpec spec) {
        if (spec == null) {
            return STANDARD;
        }
        ZoneId zone = zoneOf(spec);
        Map<DayOfWeek, List<Interval>> week;
        if (spec.week() == null) {
            week = standardWeek();
        } else {
            week = new EnumMap<>(DayOfWeek.class);
            for (Map.Entry<DayOfWeek, List<String>> day : spec.week().entrySet()) {
                if (day.getKey() == null) {
                    throw new IllegalArgumentException("A weekday of the schedule is missing its name");
                }
                List<Interval> intervals = new ArrayList<>();
                for (String text : day.getValue() == null ? List.<String>of() : day.getValue()) {
                    intervals.add(Interval.parse(day.getKey(), text));
                }
                week.put(day.getKey(), intervals);
            }
        }
        Duration shortening = spec.preHolidayShortening() == null ? DEFAULT_SHORTENING : spec.preHolidayShortening();
        return new WorkSchedule(zone, week, shortening);
    }

    /** The working intervals of an ordinary day of this weekday; empty on a day off. */
    public List<Interval> intervals(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /** Working seconds of an ordinary day of this weekday. */
    public int seconds(DayOfWeek day) {
        return seconds(intervals(day));
    }

    /** The intervals of a pre-holiday day: the shortening is cut from the end of the day, across a break if needed. */
    List<Interval> shortened(List<Interval> day) {
        long cut = preHolidayShortening.getSeconds();
        List<Interval> result = new ArrayList<>(day);
        while (cut > 0 && !result.isEmpty()) {
            Interval last = result.remove(result.size() - 1);
            int length = last.end() - last.start();
            if (length > cut) {
                result.add(new Interval(last.start(), (int) (last.end() - cut)));
            }
            cut -= length;
        }
        return List.copyOf(result);
    }

    private static int seconds(List<Interval> intervals) {
        int sum = 0;
        for (Interval interval : intervals) {
            sum += interval.end() - interval.start();
        }
        return sum;
    }

    private static Map<DayOfWeek, List<Interval>> standardWeek() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, STANDARD_DAY);
        }
        return week;
    }

    /** A working interval of a day in local time, as seconds of the day; the end may be 24:00. */
    public record Interval(int start, int end) {

        public Interval {
            if (start < 0 || end > SECONDS_PER_DAY || start >= end) {
                throw new IllegalArgumentException("Working interval " + format(start) + "-" + format(end)
                        + " must start before it ends, within 00:00-24:00");
            }
        }

        /** Parses "HH:mm-HH:mm" (24:00 allowed as an end). */
        public static Interval parse(String text) {
            return parse(null, text);
        }

        private static Interval parse(DayOfWeek day, String text) {
            String where = day == null ? "" : " on " + day;
            Matcher m = text == null ? null : INTERVAL.matcher(text.trim());
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException("Working interval '" + text + "'" + where
                        + " is not of the form HH:mm-HH:mm (e.g. 09:00-13:00)");
            }
            int start = time(m.group(1), m.group(2), text, where);
            int end = time(m.group(3), m.group(4), text, where);
            if (start >= end) {
                throw new IllegalArgumentException("Working interval '" + text + "'" + where + " must start before it ends");
            }
            return new Interval(start, end);
        }

        private static int time(String hours, String minutes, String text, String where) {
            int h = Integer.parseInt(hours);
            int m = Integer.parseInt(minutes);
            if (m > 59 || h > 24 || (h == 24 && m != 0)) {
                throw new IllegalArgumentException("Working interval '" + text + "'" + where + " has an invalid time");
            }
            return h * 3600 + m * 60;
        }

        @Override
        public String toString() {
            return format(start) + "-" + format(end);
        }

        private static String format(int second) {
            return String.format("%02d:%02d", second / 3600, second % 3600 / 60);
        }
    }
}
