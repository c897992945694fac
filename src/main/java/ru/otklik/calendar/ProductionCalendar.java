package ru.otklik.calendar;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Russian federal production calendar: which dates are holidays, transferred days off, Presidential
 * non-working days, working weekends and pre-holiday short days.
 *
 * <p>Data comes from a CSV file ({@code date,kind,note}; see {@code calendar/SOURCES.md}). The built-in
 * file can be overridden per year by a file or a directory of files outside the application, because the
 * Government publishes the next year's transfers each autumn. For a year that no file covers, the days
 * are derived from the Labour Code alone (art. 112 holidays and carry-overs, art. 95 short days) and a
 * warning is logged once, since that year's Government transfers are unknown.
 */
public final class ProductionCalendar {

    /** The calendar shipped with the application, on the classpath. */
    public static final String BUILT_IN = "calendar/ru-production-calendar.csv";

    private static final Logger log = LoggerFactory.getLogger(ProductionCalendar.class);
    private static final Pattern MOVED_TO = Pattern.compile("moved to (\\d{4}-\\d{2}-\\d{2})");

    /** Labour Code art. 112 part 1: the non-working holidays. */
    private static final Map<MonthDay, String> FIXED_HOLIDAYS = fixedHolidays();

    private final Map<Integer, Map<LocalDate, CalendarDay>> confirmed;
    private final String description;
    private final ConcurrentMap<Integer, Map<LocalDate, CalendarDay>> derived = new ConcurrentHashMap<>();
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    private ProductionCalendar(Map<Integer, Map<LocalDate, CalendarDay>> confirmed, String description) {
        this.confirmed = confirmed;
        this.description = description;
    }

    /** The built-in calendar only. */
    public static ProductionCalendar builtIn() {
        return load(null);
    }

    /**
     * The built-in calendar, with the years found at {@code location} replacing the built-in ones.
     *
     * @param location a CSV file, or a directory whose {@code *.csv} files are read in name order (a later
     *                 file wins for the years it contains); {@code null} or blank for the built-in calendar
     * @throws IllegalArgumentException if the location does not exist or a file is malformed
     */
    public static ProductionCalendar load(String location) {
        Map<Integer, Map<LocalDate, CalendarDay>> years = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (InputStream in = ProductionCalendar.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The built-in production calendar " + BUILT_IN + " is missing");
            }
            years.putAll(parse("classpath:" + BUILT_IN, new InputStreamReader(in, StandardCharsets.UTF_8)));
            names.add("classpath:" + BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (location != null && !location.isBlank()) {
            for (Path file : files(location.trim())) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    Map<Integer, Map<LocalDate, CalendarDay>> override = parse(file.toString(), reader);
                    years.putAll(override);
                    names.add(file + " (years " + override.keySet() + ")");
                } catch (IOException e) {
                    throw new IllegalArgumentException("Production calendar " + file + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
        ProductionCalendar calendar = new ProductionCalendar(Collections.unmodifiableMap(years), String.join(", ", names));
        log.info("Production calendar loaded from {}; years confirmed by data: {}", calendar.description,
                calendar.confirmedYears());
        return calendar;
    }

    /** What the calendar says about a date. */
    public CalendarDay day(LocalDate date) {
        int year = date.getYear();
        Map<LocalDate, CalendarDay> known = confirmed.get(year);
        boolean confirmedYear = known != null;
        if (known == null) {
            known = derived.computeIfAbsent(year, ProductionCalendar::labourCode);
        }
        CalendarDay day = known.get(date);
        if (day != null) {
            return day;
        }
        String holiday = FIXED_HOLIDAYS.get(MonthDay.from(date));
        if (holiday != null) {
            // Data files list only weekday holidays; a weekend holiday still matters to a six-day schedule.
            return new CalendarDay(date, CalendarDay.Kind.HOLIDAY, false, null, holiday + "; Labour Code art. 112", null, true);
        }
        return new CalendarDay(date, CalendarDay.Kind.ORDINARY, false, null, null, null, confirmedYear);
    }

    /** The dates of a year that depart from the five-day week, in date order. */
    public List<CalendarDay> days(int year) {
        Map<LocalDate, CalendarDay> known = confirmed.get(year);
        if (known == null) {
            known = derived.computeIfAbsent(year, ProductionCalendar::labourCode);
        }
        return List.copyOf(known.values());
    }

    /** Whether calendar data covers the year (otherwise only the Labour Code rules apply). */
    public boolean confirmed(int year) {
        return confirmed.containsKey(year);
    }

    public NavigableSet<Integer> confirmedYears() {
        return Collections.unmodifiableNavigableSet(new TreeSet<>(confirmed.keySet()));
    }

    /** Where the data came from, for logs. */
    public String description() {
        return description;
    }

    /** Logs, once per year, that a computation relies on a year without calendar data. */
    void noteUse(int year) {
        if (!confirmed.containsKey(year) && warned.add(year)) {
            log.warn("Production calendar has no data for {}: working time for that year follows Labour Code "
                    + "art. 112 and 95 only, without the Government's transfers of days off. Add the year to the "
                    + "file at otklik.calendar.location (now: {})", year, description);
        }
    }

    /**
     * The year as the Labour Code alone defines it: the art. 112 holidays, a holiday (other than 1–8 January)
     * falling on a weekend carried over to the next working day, and the working day immediately before a
     * holiday shortened (art. 95). Transfers by Government decree cannot be derived and are missing.
     */
    public static Map<LocalDate, CalendarDay> labourCode(int year) {
        TreeMap<LocalDate, CalendarDay> days = new TreeMap<>();
        for (Map.Entry<MonthDay, String> holiday : FIXED_HOLIDAYS.entrySet()) {
            LocalDate date = holiday.getKey().atYear(year);
            days.put(date, new CalendarDay(date, CalendarDay.Kind.HOLIDAY, false, null,
                    holiday.getValue() + "; Labour Code art. 112", null, false));
        }
        for (Map.Entry<MonthDay, String> holiday : FIXED_HOLIDAYS.entrySet()) {
            LocalDate date = holiday.getKey().atYear(year);
            if (date.getMonthValue() == 1 || !weekend(date)) {
                continue;
            }
            LocalDate carried = date.plusDays(1);
            while (weekend(carried) || days.containsKey(carried)) {
                carried = carried.plusDays(1);
            }
            days.put(carried, new CalendarDay(carried, CalendarDay.Kind.HOLIDAY, false, null,
                    "transfer from " + date + " (" + shortName(date.getDayOfWeek()) + " " + holiday.getValue()
                            + "); Labour Code art. 112", null, false));
        }
        Map<LocalDate, String> before = new LinkedHashMap<>();
        FIXED_HOLIDAYS.forEach((monthDay, name) -> before.put(monthDay.atYear(year), name));
        before.put(LocalDate.of(year + 1, 1, 1), FIXED_HOLIDAYS.get(MonthDay.of(1, 1)));
        before.forEach((holiday, name) -> {
            LocalDate eve = holiday.minusDays(1);
            if (eve.getYear() == year && !weekend(eve) && !days.containsKey(eve)) {
                days.put(eve, new CalendarDay(eve, CalendarDay.Kind.ORDINARY, true, null, null,
                        "pre-holiday day shortened by 1 h (before " + name + "); Labour Code art. 95", false));
            }
        });
        return Collections.unmodifiableMap(days);
    }

    private static List<Path> files(String location) {
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> entries = Files.list(path)) {
                List<Path> csv = entries.filter(p -> p.getFileName().toString().endsWith(".csv"))
                        .filter(Files::isRegularFile).sorted().toList();
                if (csv.isEmpty()) {
                    throw new IllegalArgumentException("Production calendar directory " + path + " has no *.csv file");
                }
                return csv;
            } catch (IOException e) {
                throw new IllegalArgumentException("Production calendar directory " + path + " cannot be listed", e);
            }
        }
        throw new IllegalArgumentException("Production calendar location " + path
                + " (otklik.calendar.location) is neither a file nor a directory");
    }

    /** Reads one CSV file into its years, merging the rows of a date. */
    static Map<Integer, Map<LocalDate, CalendarDay>> parse(String name, Reader reader) throws IOException {
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        Map<LocalDate, Row> rows = new TreeMap<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            int line = 1;
            while (it.hasNextValue()) {
                Map<String, String> values = it.nextValue();
                line++;
                String where = "Production calendar " + name + ", line " + line + ": ";
                LocalDate date;
                try {
                    date = LocalDate.parse(require(values, "date", where));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(where + "date '" + values.get("date") + "' is not yyyy-MM-dd");
                }
                String kind = require(values, "kind", where);
                String note = values.getOrDefault("note", "");
                rows.computeIfAbsent(date, d -> new Row()).add(date, kind, note == null || note.isBlank() ? null : note, where);
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("Production calendar " + name + " is not a valid CSV: " + e.getMessage(), e);
        }
        Map<Integer, Map<LocalDate, CalendarDay>> years = new TreeMap<>();
        for (Map.Entry<LocalDate, Row> entry : rows.entrySet()) {
            LocalDate date = entry.getKey();
            Row row = entry.getValue();
            DayOfWeek worksAs = row.kind == CalendarDay.Kind.WORKING_WEEKEND ? worksAs(date, row.note, rows) : null;
            years.computeIfAbsent(date.getYear(), y -> new TreeMap<>()).put(date,
                    new CalendarDay(date, row.kind, row.shortened, worksAs, row.note, row.shortNote, true));
        }
        years.replaceAll((year, days) -> Collections.unmodifiableMap(days));
        return years;
    }

    /** The weekday a working weekend replaces: from its own note, else from the day off transferred from it. */
    private static DayOfWeek worksAs(LocalDate date, String note, Map<LocalDate, Row> rows) {
        if (note != null) {
            Matcher m = MOVED_TO.matcher(note);
            if (m.find()) {
                try {
                    return LocalDate.parse(m.group(1)).getDayOfWeek();
                } catch (DateTimeException ignored) {
                    // fall through to the other way of finding it
                }
            }
        }
        String from = "transfer from " + date;
        for (Map.Entry<LocalDate, Row> other : rows.entrySet()) {
            Row row = other.getValue();
            if (row.kind == CalendarDay.Kind.HOLIDAY && row.note != null && row.note.contains(from)) {
                return other.getKey().getDayOfWeek();
            }
        }
        return null;
    }

    private static String require(Map<String, String> values, String column, String where) {
        String value = values.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + "column '" + column + "' is missing or empty");
        }
        return value;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String shortName(DayOfWeek day) {
        String name = day.toString();
        return name.charAt(0) + name.substring(1, 3).toLowerCase();
    }

    private static Map<MonthDay, String> fixedHolidays() {
        Map<MonthDay, String> holidays = new LinkedHashMap<>();
        for (int day = 1; day <= 8; day++) {
            holidays.put(MonthDay.of(1, day), day == 7 ? "Orthodox Christmas" : "New Year holidays");
        }
        holidays.put(MonthDay.of(2, 23), "Defender of the Fatherland Day");
        holidays.put(MonthDay.of(3, 8), "International Women's Day");
        holidays.put(MonthDay.of(5, 1), "Spring and Labour Day");
        holidays.put(MonthDay.of(5, 9), "Victory Day");
        holidays.put(MonthDay.of(6, 12), "Russia Day");
        holidays.put(MonthDay.of(11, 4), "Unity Day");
        return Collections.unmodifiableMap(holidays);
    }

    /** The rows of one date, merged: a working Saturday that is also short has two. */
    private static final class Row {
        private CalendarDay.Kind kind = CalendarDay.Kind.ORDINARY;
        private boolean shortened;
        private String note;
        private String shortNote;

        void add(LocalDate date, String code, String text, String where) {
            if ("short".equals(code)) {
                shortened = true;
                shortNote = shortNote == null ? text : shortNote;
            } else {
                CalendarDay.Kind parsed = kind(code, where);
                if (kind != CalendarDay.Kind.ORDINARY && kind != parsed) {
                    throw new IllegalArgumentException(where + date + " is both '" + kind.code() + "' and '" + code + "'");
                }
                if (parsed == CalendarDay.Kind.WORKING_WEEKEND && !weekend(date)) {
                    throw new IllegalArgumentException(where + date + " is a " + date.getDayOfWeek()
                            + "; 'working' rows are for Saturdays and Sundays");
                }
                kind = parsed;
                note = note == null ? text : note;
            }
            if (shortened && (kind == CalendarDay.Kind.HOLIDAY || kind == CalendarDay.Kind.NONWORKING_DECREE)) {
                throw new IllegalArgumentException(where + date + " cannot be both short and non-working");
            }
        }

        private static CalendarDay.Kind kind(String code, String where) {
            for (CalendarDay.Kind kind : CalendarDay.Kind.values()) {
                if (code.equals(kind.code())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(where + "kind '" + code
                    + "' is not one of holiday, working, short, nonworking-decree");
        }
    }
}
