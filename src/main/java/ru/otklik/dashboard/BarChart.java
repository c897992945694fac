package ru.otklik.dashboard;

import java.util.List;

/**
 * A horizontal bar chart the page draws as inline SVG (no scripts, no external resources): labels on the left,
 * one bar per row scaled to the largest value, an optional highlighted share (the overdue) drawn over it, the
 * figure after the bar. The geometry is computed here; the template only places it.
 */
public record BarChart(String id, String title, int height, List<Bar> bars) {

    static final int WIDTH = 760;
    static final int LABEL_WIDTH = 330;
    static final int BAR_AREA = 290;
    static final int ROW = 28;
    static final int BAR_HEIGHT = 18;
    /** Labels longer than this are cut (the full text is the bar's tooltip). */
    static final int LABEL_CHARS = 46;

    /** A row to draw: its label, value and the highlighted part of it. */
    record Row(String label, long value, long highlighted) {
    }

    /** A drawn row: {@code y} of its bar, {@code textY} of its texts, widths in SVG units. */
    public record Bar(String label, String fullLabel, long value, long highlighted, int y, int textY, int width,
               int highlightWidth, int valueX, String valueText) {
    }

    /**
     * @param highlightName how the highlighted part is named after the figure ("просрочено"), {@code null} when the
     *                      chart highlights nothing
     */
    static BarChart of(String id, String title, List<Row> rows, String highlightName) {
        long max = Math.max(1, rows.stream().mapToLong(Row::value).max().orElse(1));
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = i * ROW + (ROW - BAR_HEIGHT) / 2;
            int width = scale(row.value(), max);
            String valueText = highlightName == null || row.highlighted() == 0 ? String.valueOf(row.value())
                    : row.value() + " (" + highlightName + " " + row.highlighted() + ")";
            bars.add(new Bar(cut(row.label()), row.label(), row.value(), row.highlighted(), y, y + BAR_HEIGHT - 4,
                    width, scale(row.highlighted(), max), LABEL_WIDTH + width + 6, valueText));
        }
        return new BarChart(id, title, Math.max(ROW, rows.size() * ROW), List.copyOf(bars));
    }

    public int width() {
        return WIDTH;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int barHeight() {
        return BAR_HEIGHT;
    }

    private static int scale(long value, long max) {
        return value <= 0 ? 0 : (int) Math.max(2, Math.round((double) value * BAR_AREA / max));
    }

    private static String cut(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }
}
