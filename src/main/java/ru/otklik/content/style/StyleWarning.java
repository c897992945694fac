package ru.otklik.content.style;

import java.util.List;

/**
 * One place in the text that breaks the style of ACC-11 / MSG-22.
 *
 * @param category      what kind of problem
 * @param categoryLabel Russian name of the category
 * @param rule          lexicon entry id, or {@code genitive-chain} / {@code long-sentence}
 * @param marker        the text found, exactly {@code text.substring(start, end)} of the checked text
 * @param start         offset of the first character (UTF-16 index into the checked text)
 * @param end           offset after the last character
 * @param message       Russian explanation
 * @param suggestions   Russian plain alternatives; may be empty
 */
public record StyleWarning(StyleCategory category, String categoryLabel, String rule, String marker,
                           int start, int end, String message, List<String> suggestions) {

    public StyleWarning {
        suggestions = List.copyOf(suggestions);
    }

    static StyleWarning of(StyleCategory category, String rule, String text, int start, int end, String message,
                           List<String> suggestions) {
        return new StyleWarning(category, category.label(), rule, text.substring(start, end), start, end, message,
                suggestions);
    }
}
