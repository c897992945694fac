package ru.otklik.content.style;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a staff answer or a post for the style of ACC-11 and MSG-22: conversational written language, no
 * bureaucratese (канцелярит), no press-release format. Advice only: it never blocks.
 *
 * <p>Checks, in the report's order of offsets:
 * <ul>
 *   <li>the {@link Lexicon} (bureaucratese, impersonal passives, press-release formulas; entries with scope
 *       {@code opening} only at the start of the text or right after an opening greeting). When matches of
 *       the lexicon overlap, the one starting first wins, then the longer, then the earlier entry;</li>
 *   <li>{@link GenitiveChains chains of genitive nouns};</li>
 *   <li>{@link LongSentences sentences} longer than {@value #MAX_SENTENCE_WORDS} words.</li>
 * </ul>
 * Structural warnings may overlap lexicon warnings. The score and verdict are described in
 * {@link StyleVerdict}. Matching ignores case and treats ё as е; offsets refer to the original text.
 *
 * <p>Immutable and thread-safe; the lexicon is read once. As a Spring bean ({@code styleChecker}) it reads
 * {@code otklik.style.lexicon} (default {@code classpath:style/lexicon.yml}; a file path is accepted too),
 * so expressions can call {@code styleChecker.check(text)} or {@code styleChecker.needsWork(text)}.
 * Without Spring: {@link #fromClasspath()}, {@link #fromFile(Path)}, {@link #StyleChecker(Lexicon)}.
 */
@Component("styleChecker")
public class StyleChecker {

    /** A sentence with more words than this gets a {@link StyleCategory#LONG_SENTENCE} warning. */
    public static final int MAX_SENTENCE_WORDS = 30;

    /** An opening greeting after which {@code opening} entries are checked too ("Здравствуйте, Анна!"). */
    private static final Pattern GREETING = Pattern.compile(
            "[\\s\\p{P}\\p{S}]*(?:здравствуйте|добрый\\s+(?:день|вечер)|доброе\\s+утро|доброго\\s+времени\\s+суток"
                    + "|приветствуем|привет)(?![\\p{L}\\p{N}])[^.!?\\n]{0,60}[.!?\\n]+", StyleText.FLAGS);

    private final Lexicon lexicon;

    public StyleChecker(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** The Spring constructor: the lexicon at {@code otklik.style.lexicon}. */
    @Autowired
    public StyleChecker(@Value("${otklik.style.lexicon:classpath:" + Lexicon.DEFAULT_RESOURCE + "}") String location) {
        this(Lexicon.load(location));
    }

    /** A checker with the lexicon shipped with the app. */
    public static StyleChecker fromClasspath() {
        return new StyleChecker(Lexicon.fromClasspath());
    }

    public static StyleChecker fromFile(Path lexiconFile) {
        return new StyleChecker(Lexicon.fromFile(lexiconFile));
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Checks a text; {@code null} is treated as empty. */
    public StyleReport check(String text) {
        String original = text == null ? "" : text;
        String normalized = StyleText.normalize(original);
        List<StyleWarning> warnings = new ArrayList<>(lexiconWarnings(original, normalized));
        warnings.addAll(GenitiveChains.find(original, normalized));
        warnings.addAll(LongSentences.find(original, MAX_SENTENCE_WORDS));
        warnings.sort(Comparator.comparingInt(StyleWarning::start)
                .thenComparing(Comparator.comparingInt(StyleWarning::end).reversed())
                .thenComparing(StyleWarning::category));
        return StyleReport.of(StyleText.countWords(original, 0, original.length()), warnings);
    }

    /** For expressions and forms: whether the verdict is {@link StyleVerdict#NEEDS_WORK}. */
    public boolean needsWork(String text) {
        return check(text).needsWork();
    }

    private record Match(int entry, LexiconEntry lexiconEntry, int start, int end) {

        int length() {
            return end - start;
        }
    }

    private List<StyleWarning> lexiconWarnings(String original, String normalized) {
        List<Integer> openings = openings(normalized);
        List<Match> matches = new ArrayList<>();
        List<LexiconEntry> entries = lexicon.entries();
        for (int e = 0; e < entries.size(); e++) {
            LexiconEntry entry = entries.get(e);
            for (Pattern pattern : entry.patterns()) {
                Matcher m = pattern.matcher(normalized);
                if (entry.scope() == LexiconEntry.Scope.OPENING) {
                    for (int opening : openings) {
                        m.region(opening, normalized.length());
                        if (m.lookingAt() && m.end() > m.start()) {
                            matches.add(new Match(e, entry, m.start(), m.end()));
                        }
                    }
                } else {
                    while (m.find()) {
                        if (m.end() > m.start()) {
                            matches.add(new Match(e, entry, m.start(), m.end()));
                        }
                    }
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::start)
                .thenComparing(Comparator.comparingInt(Match::length).reversed())
                .thenComparingInt(Match::entry));
        List<StyleWarning> warnings = new ArrayList<>();
        int covered = 0;
        for (Match match : matches) {
            if (match.start() < covered) {
                continue;
            }
            covered = match.end();
            LexiconEntry entry = match.lexiconEntry();
            String marker = original.substring(match.start(), match.end());
            warnings.add(StyleWarning.of(entry.category(), entry.id(), original, match.start(), match.end(),
                    "«" + marker + "» — " + entry.explanation(), entry.suggestions()));
        }
        return warnings;
    }

    /** Where {@code opening} entries are tried: the first word of the text, and the first after a greeting. */
    private static List<Integer> openings(String text) {
        List<Integer> result = new ArrayList<>();
        int first = firstWord(text, 0);
        if (first < 0) {
            return result;
        }
        result.add(first);
        Matcher greeting = GREETING.matcher(text);
        if (greeting.lookingAt()) {
            int next = firstWord(text, greeting.end());
            if (next > first) {
                result.add(next);
            }
        }
        return result;
    }

    private static int firstWord(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
