package ru.otklik.content.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers shared by the checks: normalization that keeps offsets, and word tokens. */
final class StyleText {

    /** Flags of every pattern: case-insensitive for Cyrillic, Unicode classes for {@code \s}, {@code \w}, {@code \b}. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** A word: letters and digits, with inner hyphens or apostrophes ("всё-таки", "1-го"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-‐'’][\\p{L}\\p{N}]+)*", FLAGS);

    private StyleText() {
    }

    /**
     * The text with ё/Ё replaced by е/Е, so one spelling of a marker matches both. The result has the same
     * length, so offsets found in it are offsets in the original text.
     */
    static String normalize(String text) {
        return text.replace('ё', 'е').replace('Ё', 'Е');
    }

    static String lower(String word) {
        return normalize(word).toLowerCase(Locale.ROOT);
    }

    /** A word of the text. {@code cleanGap}: only whitespace separates it from the previous word. */
    record Token(String text, int start, int end, boolean cleanGap) {

        boolean hasDigit() {
            return text.chars().anyMatch(Character::isDigit);
        }

        boolean capitalized() {
            return Character.isUpperCase(text.charAt(0));
        }
    }

    static List<Token> tokens(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        m.region(from, to);
        int previousEnd = -1;
        while (m.find()) {
            boolean clean = previousEnd >= 0 && text.substring(previousEnd, m.start()).isBlank();
            tokens.add(new Token(m.group(), m.start(), m.end(), clean));
            previousEnd = m.end();
        }
        return tokens;
    }

    static int countWords(String text, int from, int to) {
        Matcher m = WORD.matcher(text);
        m.region(from, to);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /**
     * A count of words in the genitive, as after «из» and «больше»: «из 31 слова», «больше 30 слов»,
     * «из 11 слов».
     */
    static String wordsGenitive(int n) {
        return n % 10 == 1 && n % 100 != 11 ? n + " слова" : n + " слов";
    }
}
