package ru.otklik.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the summary page shows: the tables and the charts as inline SVG drawn on the server (trend lines of the
 * 13 months, on-time bars per department), so that the page loads nothing from anywhere.
 */
public record SummaryPage(Summary summary, StoredSummary stored, List<SummaryTables.Table> tables,
                          List<LineChart> trends, BarChart departments, String baseUrl) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 48;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** A polyline of values over the months; null values break nothing, they are left out. */
    public record LineChart(String title, String points, List<Dot> dots, List<Tick> ticks, List<Tick> labels) {
    }

    public record Dot(double x, double y, String text) {
    }

    public record Tick(double position, String text) {
    }

    public record Bar(String label, double y, double width, String text) {
    }

    public record BarChart(String title, int height, List<Bar> bars) {
    }

    static SummaryPage of(Summary summary, StoredSummary stored, String baseUrl) {
        List<LineChart> trends = List.of(
                line("Сообщений по месяцам", summary.trend(), h -> (double) h.messages(), false),
                line("Доля ответов в срок по месяцам, % (MSG-11, MSG-12)", summary.trend(),
                        Summary.Headline::answerOnTimeShare, true),
                line("Нарушений сроков по месяцам (MSG-24)", summary.trend(), h -> (double) h.violations(), false));
        List<Bar> bars = new ArrayList<>();
        double y = 8;
        for (Summary.Department d : summary.departments()) {
            Summary.OnTime answer = d.figures().onTime(Deadline.ANSWER.key);
            Double share = overall(d.figures());
            bars.add(new Bar(d.name(), y, share == null ? 0 : share * 400,
                    (share == null ? "нет сроков" : SummaryTables.text(share)) + " (ответ: "
                            + SummaryTables.text(answer.share()) + ")"));
            y += 28;
        }
        return new SummaryPage(summary, stored, SummaryTables.of(summary), trends,
                new BarChart("Соблюдение всех сроков части A по отделам", (int) y + 8, bars), baseUrl);
    }

    /** All deadlines of part A together: kept / had. */
    static Double overall(Summary.Figures f) {
        long applicable = f.onTime().stream().mapToLong(Summary.OnTime::applicable).sum();
        long breached = f.onTime().stream().mapToLong(Summary.OnTime::breached).sum();
        return applicable == 0 ? null : (double) (applicable - breached) / applicable;
    }

    private static LineChart line(String title, List<Summary.Headline> trend, Function<Summary.Headline, Double> value,
                                  boolean share) {
        double max = share ? 1 : trend.stream().map(value).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        if (max <= 0) {
            max = 1;
        }
        int plotWidth = WIDTH - LEFT - 16;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double step = trend.size() > 1 ? (double) plotWidth / (trend.size() - 1) : 0;
        StringBuilder points = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        List<Tick> labels = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            double x = LEFT + i * step;
            labels.add(new Tick(round(x), trend.get(i).period().shortTitle()));
            Double v = value.apply(trend.get(i));
            if (v == null) {
                continue;
            }
            double y = TOP + plotHeight - v / max * plotHeight;
            points.append(round(x)).append(',').append(round(y)).append(' ');
            dots.add(new Dot(round(x), round(y), share ? SummaryTables.text(v) : String.valueOf(Math.round(v))));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            ticks.add(new Tick(round(TOP + plotHeight - (double) plotHeight * i / 4),
                    share ? Math.round(v * 100) + " %" : String.format(Locale.ROOT, "%.0f", v)));
        }
        return new LineChart(title, points.toString().trim(), dots, ticks, labels);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    // ---- used by the template ----

    public String text(Object cell) {
        return SummaryTables.text(cell);
    }

    public String time(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return TIME.format(instant.atZone(ZoneId.of("Asia/Novokuznetsk")));
    }

    public String source(String source) {
        return SummaryTables.source(source);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }
}
