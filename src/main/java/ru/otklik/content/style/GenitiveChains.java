package ru.otklik.content.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds chains of nouns in the genitive ("для повышения качества обслуживания населения").
 *
 * <p>The heuristic, tuned for few false positives rather than for finding every chain:
 * <ol>
 *   <li>A <b>head</b>: a word that is not a function word (preposition, conjunction, pronoun, auxiliary),
 *       has no digits and does not end like an adjective (-ый, -ая, -ое, -ые, -ого, -ому, -ым, -ых, -ую …).</li>
 *   <li>Directly after it (only whitespace between, no punctuation) a run of words that look like genitive
 *       nouns, in lower case (a capitalized word — a name — ends the run):
 *     <ul>
 *       <li><i>strong</i> endings, hardly ever anything but a genitive noun: -ния/-тия (not "компания",
 *           "партия"…), vowel + -ний, -тий, -ции/-ций, -ости (6+ letters), -ства/-ств, -ов/-ев (5+ letters),
 *           consonant + -ей (not after ш, щ, ж, н — adjectives);</li>
 *       <li><i>weak</i> endings, often genitive but also other forms: -ы, -и, -а, -я (5+ letters; not -ся,
 *           -ла, -ли, -ти, -ая, -яя, -ия, -ами, -ями);</li>
 *       <li>adjectives in the genitive (-ого/-его, -ой, -ых/-их, -шей/-щей/-жей/-ней) may stand inside the
 *           run; they neither count nor break it.</li>
 *     </ul></li>
 *   <li>A chain is reported when the run has at least {@value #MIN_GENITIVES} counted words and at least
 *       {@value #MIN_STRONG} of them strong. The warning spans the head and the run.</li>
 * </ol>
 * So "повышения качества обслуживания населения" is a chain (head + 3 strong), while "номер телефона отдела
 * кадров" is not (one strong ending), nor "открыли 12 новых кабинетов врачей общей практики" (the head
 * "новых" is an adjective; from "кабинетов" on only two genitives follow).
 */
final class GenitiveChains {

    static final int MIN_GENITIVES = 3;
    static final int MIN_STRONG = 2;

    private static final String RULE = "genitive-chain";
    private static final String MESSAGE = "«%s» — цепочка существительных в родительном падеже. Такое "
            + "нанизывание читается тяжело: замените часть существительных глаголами или разбейте фразу.";
    private static final List<String> SUGGESTIONS = List.of(
            "Замените отглагольное существительное глаголом: «для повышения качества обслуживания» → «чтобы лучше обслуживать»",
            "Скажите, кто что делает: «мы ремонтируем», «врачи принимают»",
            "Разбейте на два коротких предложения");

    private static final Set<String> FUNCTION_WORDS = Set.copyOf(List.of(
            // prepositions
            "в", "во", "на", "с", "со", "к", "ко", "о", "об", "обо", "от", "ото", "до", "по", "за", "из", "изо", "у",
            "для", "без", "безо", "при", "про", "над", "надо", "под", "подо", "перед", "передо", "через", "между",
            "после", "около", "вокруг", "среди", "ради", "кроме", "вместо", "возле", "мимо", "вдоль", "против",
            "благодаря", "согласно", "вследствие", "ввиду", "насчет", "сквозь", "внутри", "вне", "из-за", "из-под",
            "вроде", "путем", "посредством", "касательно", "относительно",
            // conjunctions and particles
            "и", "а", "но", "или", "либо", "да", "что", "чтобы", "как", "когда", "если", "то", "так", "также",
            "тоже", "потому", "поэтому", "хотя", "пока", "чем", "ни", "не", "же", "ли", "бы", "уже", "еще", "даже",
            "только", "лишь", "вот", "вон", "именно", "причем", "притом", "зато", "однако", "тогда", "всегда",
            "никогда", "снова", "сначала", "сегодня", "завтра", "вчера", "теперь", "сейчас", "здесь", "там",
            "тут", "очень", "более", "менее", "можно", "нужно", "надо", "нельзя",
            // pronouns
            "я", "мы", "вы", "ты", "он", "она", "оно", "они", "его", "ее", "их", "ему", "ей", "им", "ими", "нас",
            "вас", "нам", "вам", "нами", "вами", "меня", "мне", "мной", "тебя", "тебе", "тобой", "себя", "себе",
            "собой", "него", "нее", "них", "нему", "ней", "ним", "ними", "нем",
            "этот", "эта", "это", "эти", "этого", "этой", "этих", "этому", "этим", "этими", "этом", "эту",
            "тот", "та", "те", "того", "той", "тех", "тому", "тем", "теми", "том", "ту",
            "весь", "вся", "все", "всего", "всей", "всех", "всему", "всем", "всеми", "всем", "всю",
            "который", "которая", "которое", "которые", "которого", "которой", "которых", "которому", "которым",
            "которыми", "котором", "которую",
            "свой", "своя", "свое", "свои", "своего", "своей", "своих", "своему", "своим", "своими", "своем", "свою",
            "наш", "наша", "наше", "наши", "нашего", "нашей", "наших", "нашему", "нашим", "нашими", "нашем", "нашу",
            "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "ваших", "вашему", "вашим", "вашими", "вашем", "вашу",
            "мой", "моя", "мое", "мои", "моего", "моей", "моих", "моему", "моим", "моими", "моем", "мою",
            "сам", "сама", "само", "сами", "самого", "самой", "самих", "такой", "такая", "такое", "такие",
            "такого", "таких", "каждый", "каждая", "каждое", "каждого", "каждой",
            // auxiliaries and predicatives
            "был", "была", "было", "были", "будет", "будут", "быть", "есть", "нет", "должен", "должна", "должно",
            "должны", "нужна", "нужны", "готов", "готова", "готовы", "обязан", "обязана", "обязаны", "рады",
            "здоров", "таков", "каков"));

    /** Nominative -ния/-тия/-ов nouns that look genitive. */
    private static final Set<String> NOT_GENITIVE = Set.of("компания", "кампания", "линия", "мания", "партия",
            "гарантия", "династия", "история", "армия");

    private static final String[] ADJECTIVE_HEAD_ENDINGS = {"ый", "ая", "яя", "ое", "ее", "ые", "ого", "его", "ому",
            "ему", "ыми", "ими", "ую", "юю", "ых", "их", "ым"};

    private enum Kind { STRONG, WEAK, ADJECTIVE, OTHER }

    private GenitiveChains() {
    }

    static List<StyleWarning> find(String text, String normalized) {
        List<StyleText.Token> tokens = StyleText.tokens(normalized, 0, normalized.length());
        List<StyleWarning> warnings = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!head(tokens.get(i))) {
                i++;
                continue;
            }
            int counted = 0;
            int strong = 0;
            int last = -1;
            for (int j = i + 1; j < tokens.size() && tokens.get(j).cleanGap(); j++) {
                Kind kind = classify(tokens.get(j));
                if (kind == Kind.OTHER) {
                    break;
                }
                if (kind != Kind.ADJECTIVE) {
                    counted++;
                    last = j;
                    if (kind == Kind.STRONG) {
                        strong++;
                    }
                }
            }
            if (counted >= MIN_GENITIVES && strong >= MIN_STRONG) {
                int start = tokens.get(i).start();
                int end = tokens.get(last).end();
                warnings.add(StyleWarning.of(StyleCategory.GENITIVE_CHAIN, RULE, text, start, end,
                        MESSAGE.formatted(text.substring(start, end)), SUGGESTIONS));
                i = last + 1;
            } else {
                i++;
            }
        }
        return warnings;
    }

    private static boolean head(StyleText.Token token) {
        String word = StyleText.lower(token.text());
        if (token.hasDigit() || word.length() < 3 || FUNCTION_WORDS.contains(word)) {
            return false;
        }
        for (String ending : ADJECTIVE_HEAD_ENDINGS) {
            if (word.endsWith(ending)) {
                return false;
            }
        }
        return true;
    }

    private static Kind classify(StyleText.Token token) {
        if (token.hasDigit() || token.capitalized()) {
            return Kind.OTHER;
        }
        String w = StyleText.lower(token.text());
        int n = w.length();
        if (n < 4 || FUNCTION_WORDS.contains(w) || NOT_GENITIVE.contains(w) || w.endsWith("ся") || w.endsWith("сь")) {
            return Kind.OTHER;
        }
        if (strong(w, n)) {
            return Kind.STRONG;
        }
        if (n >= 5 && (w.endsWith("ого") || w.endsWith("его") || w.endsWith("ой") || w.endsWith("ых")
                || w.endsWith("их") || w.endsWith("ей"))) {
            return Kind.ADJECTIVE;
        }
        if (n >= 5 && (w.endsWith("ы") || w.endsWith("и") || w.endsWith("а") || w.endsWith("я"))
                && !endsWithAny(w, "ла", "ли", "ти", "ая", "яя", "ия", "ами", "ями")) {
            return Kind.WEAK;
        }
        return Kind.OTHER;
    }

    private static boolean strong(String w, int n) {
        if (w.endsWith("ния") || w.endsWith("тия") || w.endsWith("ции") || w.endsWith("ций") || w.endsWith("тий")
                || w.endsWith("ства") || w.endsWith("ств")) {
            return n >= 5;
        }
        if (w.endsWith("ний")) {
            return n >= 5 && "еаоя".indexOf(w.charAt(n - 4)) >= 0;
        }
        if (w.endsWith("ости")) {
            return n >= 6;
        }
        if (w.endsWith("ов") || w.endsWith("ев")) {
            return n >= 5;
        }
        if (w.endsWith("ей") && n >= 5) {
            char before = w.charAt(n - 3);
            return "бвгдзклмпрстфхцч".indexOf(before) >= 0;
        }
        return false;
    }

    private static boolean endsWithAny(String word, String... endings) {
        for (String ending : endings) {
            if (word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
