package ru.otklik.retention;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What identifies the author of one message, and how it is blanked in texts that quote it: every occurrence
 * of the author's name, id, link and post text (also a post text cut to its first 500 characters, as
 * notifications quote it) becomes {@link #MARKER}. Topic, place, dates and figures stay.
 */
record Anonymisation(String authorName, String authorId, String url, String externalId, String text) {

    /** What replaces the author's data. */
    static final String MARKER = "«обезличено»";
    /** Notifications quote at most this many characters of a post (MessageEscalations). */
    private static final int QUOTED_PREFIX = 500;

    /** {@code value} with each quoted piece of the author's data replaced by the marker; {@code null} stays. */
    String blank(String value) {
        if (value == null) {
            return null;
        }
        String result = value;
        // longest first, so that a name inside the text does not split the text before it is replaced
        for (String piece : pieces()) {
            result = result.replace(piece, MARKER);
        }
        return result;
    }

    private List<String> pieces() {
        String prefix = text != null && text.length() > QUOTED_PREFIX ? text.substring(0, QUOTED_PREFIX) : null;
        return Stream.of(text, prefix, url, authorName, authorId, externalId)
                .filter(Objects::nonNull)
                // a one- or two-character id would blank unrelated words
                .filter(p -> p.length() >= 3 && !p.equals(MARKER))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** The marker for a field that held a value, {@code null} for one that held none. */
    static String marker(String value) {
        return value == null ? null : MARKER;
    }
}
