package ru.otklik.content.style;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * The result of {@link StyleChecker#check(String)}.
 *
 * @param verdict   {@link StyleVerdict} derived from the score
 * @param score     the sum of the warnings' {@link StyleCategory#weight() weights}
 * @param wordCount words in the text
 * @param summary   Russian one-line summary of the verdict
 * @param warnings  ordered by start offset
 */
public record StyleReport(StyleVerdict verdict, int score, int wordCount, String summary,
                          List<StyleWarning> warnings) {

    public StyleReport {
        warnings = List.copyOf(warnings);
    }

    static StyleReport of(int wordCount, List<StyleWarning> warnings) {
        int score = warnings.stream().mapToInt(w -> w.category().weight()).sum();
        StyleVerdict verdict = StyleVerdict.of(score);
        return new StyleReport(verdict, score, wordCount, verdict.summary(), warnings);
    }

    /** Convenience for expressions: {@code styleChecker.check(text).needsWork()}. */
    @JsonIgnore
    public boolean needsWork() {
        return verdict == StyleVerdict.NEEDS_WORK;
    }

    /** The warnings of one category, in text order. */
    public List<StyleWarning> warnings(StyleCategory category) {
        return warnings.stream().filter(w -> w.category() == category).toList();
    }
}
