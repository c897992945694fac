package ru.otklik.content.style;

import java.util.stream.Collectors;

/**
 * ACC-11, MSG-22: the style check as read-only fields of an approval form (content approval, answer approval):
 * {@code styleSummary} and {@code styleWarnings}, in Russian.
 */
public final class StyleFormText {

    /** The form variable with {@link StyleReport#summary()}. */
    public static final String VAR_STYLE_SUMMARY = "styleSummary";
    /** The form variable with {@link #warnings(StyleReport)}. */
    public static final String VAR_STYLE_WARNINGS = "styleWarnings";

    /** More would only bury the form. */
    static final int MAX_WARNINGS_SHOWN = 20;

    private StyleFormText() {
    }

    /** The warnings as lines for a read-only form field. */
    public static String warnings(StyleReport report) {
        if (report.warnings().isEmpty()) {
            return "Замечаний по стилю нет.";
        }
        String lines = report.warnings().stream().limit(MAX_WARNINGS_SHOWN)
                .map(w -> "• " + w.categoryLabel() + ": «" + w.marker() + "» — " + w.message()
                        + (w.suggestions().isEmpty() ? "" : " Лучше: " + String.join(", ", w.suggestions()) + "."))
                .collect(Collectors.joining("\n"));
        int more = report.warnings().size() - MAX_WARNINGS_SHOWN;
        return more > 0 ? lines + "\n… и ещё " + more : lines;
    }
}
