package ru.otklik.content.style;

/**
 * The overall verdict of a {@link StyleReport}, from its score (the sum of the warnings' category weights:
 * press-release 2, everything else 1):
 * <ul>
 *   <li>{@link #PLAIN} — score 0: no warnings;</li>
 *   <li>{@link #MINOR} — score 1: a single slip (one bureaucratic word, one long sentence);</li>
 *   <li>{@link #NEEDS_WORK} — score 2 or more: the text reads as bureaucratese or a press release.</li>
 * </ul>
 * The verdict is advice for the approval forms (ACC-11, MSG-22); it never blocks anything.
 */
public enum StyleVerdict {

    PLAIN("Замечаний нет: текст написан простым разговорным языком."),
    MINOR("Есть одно замечание — посмотрите, нельзя ли сказать проще."),
    NEEDS_WORK("Текст звучит как канцелярит или пресс-релиз. Перепишите так, как объяснили бы человеку "
            + "при личной встрече: по существу и живым языком (ACC-11, MSG-22).");

    private final String summary;

    StyleVerdict(String summary) {
        this.summary = summary;
    }

    /** Russian one-line summary for the forms. */
    public String summary() {
        return summary;
    }

    static StyleVerdict of(int score) {
        if (score <= 0) {
            return PLAIN;
        }
        return score == 1 ? MINOR : NEEDS_WORK;
    }
}
