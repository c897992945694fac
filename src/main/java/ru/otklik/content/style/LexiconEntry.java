package ru.otklik.content.style;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the style lexicon, validated and compiled.
 *
 * @param id          unique id, used as {@link StyleWarning#rule()}
 * @param category    {@link StyleCategory#BUREAUCRATESE}, {@link StyleCategory#PASSIVE} or
 *                    {@link StyleCategory#PRESS_RELEASE}
 * @param kind        how {@code markers} are written
 * @param scope       where in the text the entry applies
 * @param markers     the markers as written in the file
 * @param explanation Russian explanation
 * @param suggestions Russian plain alternatives
 * @param patterns    one compiled pattern per marker (matching normalized text, see {@link StyleText})
 */
public record LexiconEntry(String id, StyleCategory category, Kind kind, Scope scope, List<String> markers,
                           String explanation, List<String> suggestions, List<Pattern> patterns) {

    public LexiconEntry {
        markers = List.copyOf(markers);
        suggestions = List.copyOf(suggestions);
        patterns = List.copyOf(patterns);
    }

    /** How the markers of an entry are written. */
    public enum Kind {
        /**
         * Word forms and phrases: letters, digits, hyphens, spaces (any run of whitespace in the text),
         * commas (optional in the text) and {@code {a|b|c}} groups of alternative endings.
         */
        WORDS,
        /** Java regular expressions. */
        REGEX
    }

    /** Where an entry applies. */
    public enum Scope {
        /** Anywhere in the text. */
        ANYWHERE,
        /** Only at the very start of the text, or right after an opening greeting ("Здравствуйте!"). */
        OPENING
    }
}
