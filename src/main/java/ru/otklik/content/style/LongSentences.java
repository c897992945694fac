package ru.otklik.content.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds sentences longer than {@link StyleChecker#MAX_SENTENCE_WORDS} words.
 *
 * <p>A sentence ends at a line break, or at {@code . ! ? …} followed by whitespace (after optional closing
 * quotes or brackets) or the end of the text. A full stop does not end a sentence when the next word starts
 * with a lower-case letter ("в 10 ч. утра") or when it follows a common abbreviation ("ул.", "г.", "д.",
 * "т. е."). Words are runs of letters and digits, with inner hyphens ("всё-таки" is one word).
 */
final class LongSentences {

    private static final String RULE = "long-sentence";
    private static final Set<String> ABBREVIATIONS = Set.of("г", "гг", "ул", "д", "пр", "просп", "пер", "пл", "им",
            "тел", "т", "е", "п", "рис", "стр", "кв", "корп", "обл", "р", "руб", "коп", "млн", "млрд", "тыс", "см",
            "ст", "ч", "мин", "каб", "св", "проф", "акад", "доп", "наб", "пос", "с", "мкр", "б-р", "ш");
    private static final List<String> SUGGESTIONS = List.of(
            "Одна мысль — одно предложение",
            "Разбейте на два-три предложения по 10–15 слов",
            "Уберите обороты «который…», «в связи с чем…», «при этом…» — начните с них новое предложение");

    private LongSentences() {
    }

    static List<StyleWarning> find(String text, int maxWords) {
        List<StyleWarning> warnings = new ArrayList<>();
        for (int[] sentence : sentences(text)) {
            int words = StyleText.countWords(text, sentence[0], sentence[1]);
            if (words > maxWords) {
                warnings.add(StyleWarning.of(StyleCategory.LONG_SENTENCE, RULE, text, sentence[0], sentence[1],
                        "Предложение из " + StyleText.wordsGenitive(words) + ": больше " + StyleText.wordsGenitive(maxWords)
                                + " читать тяжело, особенно с телефона. Разбейте его на несколько коротких.",
                        SUGGESTIONS));
            }
        }
        return warnings;
    }

    /** Sentence spans, trimmed of surrounding whitespace. */
    static List<int[]> sentences(String text) {
        List<int[]> result = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\n' || c == '\r') {
                end = i;
            } else if (c == '.' || c == '!' || c == '?' || c == '…') {
                int j = i + 1;
                while (j < n && ".!?…".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                while (j < n && "»\"”’)]".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                if ((j == n || Character.isWhitespace(text.charAt(j))) && !(c == '.' && j == i + 1
                        && continues(text, i, j))) {
                    end = j;
                }
                if (end < 0) {
                    i = j;
                    continue;
                }
            }
            if (end >= 0) {
                add(text, start, end, result);
                start = end;
                i = Math.max(end, i + 1);
            } else {
                i++;
            }
        }
        add(text, start, n, result);
        return result;
    }

    /** A single full stop at {@code dot} that does not end the sentence. */
    private static boolean continues(String text, int dot, int after) {
        int k = after;
        while (k < text.length() && Character.isWhitespace(text.charAt(k)) && text.charAt(k) != '\n') {
            k++;
        }
        if (k < text.length() && Character.isLowerCase(text.charAt(k))) {
            return true;
        }
        int w = dot;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '-')) {
            w--;
        }
        String word = StyleText.lower(text.substring(w, dot));
        return !word.isEmpty() && ABBREVIATIONS.contains(word);
    }

    private static void add(String text, int from, int to, List<int[]> result) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from < to) {
            result.add(new int[] {from, to});
        }
    }
}
