package ru.otklik.content.style;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a warning is about. The first three come from the lexicon (its {@code category} field uses
 * {@link #lexiconName()}); the last two are structural checks of {@link StyleChecker}.
 * {@link #weight()} is what one warning adds to the report's score.
 */
public enum StyleCategory {

    /** Канцелярит: bureaucratic words and turns of phrase. */
    BUREAUCRATESE("канцелярит", "bureaucratese", 1),
    /** Impersonal passive ("проводится", "принимаются меры"): nobody is named as doing anything. */
    PASSIVE("безличный оборот", "passive", 1),
    /** Press-release formulas ("Сегодня, 12 марта, в …", "Министерство информирует"). Weighs double. */
    PRESS_RELEASE("стиль пресс-релиза", "press-release", 2),
    /** Three or more genitive nouns in a row ("повышения качества обслуживания населения"). */
    GENITIVE_CHAIN("цепочка существительных", null, 1),
    /** A sentence longer than {@link StyleChecker#MAX_SENTENCE_WORDS} words. */
    LONG_SENTENCE("длинное предложение", null, 1);

    private final String label;
    private final String lexiconName;
    private final int weight;

    StyleCategory(String label, String lexiconName, int weight) {
        this.label = label;
        this.lexiconName = lexiconName;
        this.weight = weight;
    }

    /** Russian label for the forms. */
    public String label() {
        return label;
    }

    /** The value of the lexicon's {@code category} field, or {@code null} for structural checks. */
    public String lexiconName() {
        return lexiconName;
    }

    public int weight() {
        return weight;
    }

    static Optional<StyleCategory> fromLexiconName(String name) {
        return Arrays.stream(values()).filter(c -> c.lexiconName != null && c.lexiconName.equals(name)).findFirst();
    }

    static String lexiconNames() {
        return String.join(", ", Arrays.stream(values()).map(StyleCategory::lexiconName)
                .filter(n -> n != null).toList());
    }
}
