package ru.otklik.content.style;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@DisplayName("ACC-11 / MSG-22: rules of the style checker")
class StyleCheckerRulesTests {

    private static final StyleChecker CHECKER = StyleChecker.fromClasspath();

    private static List<String> rules(String text) {
        return CHECKER.check(text).warnings().stream().map(StyleWarning::rule).toList();
    }

    private static List<String> markers(String text) {
        return CHECKER.check(text).warnings().stream().map(StyleWarning::marker).toList();
    }

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"данный", "данная", "данное", "данного", "данной", "данному", "данную", "данном",
            "Данный", "ДАННОЕ"})
    @DisplayName("ACC-11: every case form of the adjective «данный» is flagged, in any letter case")
    void dannyiForms(String form) {
        String text = "Мы проверили " + form + " дом.";
        assertThat(CHECKER.check(text).warnings()).singleElement().satisfies(w -> {
            assertThat(w.rule()).isEqualTo("dannyi");
            assertThat(w.marker()).isEqualTo(form);
            assertThat(w.start()).isEqualTo(13);
            assertThat(w.suggestions()).contains("этот, эта, это, эти");
        });
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', value = {
            "Данные меры помогут.|Данные",
            "Из-за данных изменений запись перенесли.|данных",
            "Данным образом оплатить нельзя.|Данным",
            "Мы знакомы с данными документами.|данными"})
    @DisplayName("ACC-11: plural «данные» is flagged only as an adjective before a noun it agrees with")
    void dannyiPlural(String text, String marker) {
        assertThat(markers(text)).containsExactly(marker);
    }

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"Данные о записи передали.", "Проверьте данные паспорта.", "Данные документов сверили.",
            "Данных пока нет.", "Обновили базу данных.", "По данным МФЦ, очередь короткая.",
            "Поделитесь данными счётчика."})
    @DisplayName("ACC-11: the noun «данные» (data) is ordinary Russian and is not flagged")
    void dataNounNotFlagged(String text) {
        assertThat(rules(text)).isEmpty();
    }

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"мероприятие", "мероприятия", "мероприятию", "мероприятием", "мероприятии",
            "мероприятий", "мероприятиям", "мероприятиями", "мероприятиях"})
    @DisplayName("ACC-11: all case forms of «мероприятие» are found")
    void meropriyatieForms(String form) {
        assertThat(rules("Про " + form + " расскажем позже.")).containsExactly("meropriyatie");
    }

    @Test
    @DisplayName("ACC-11: a marker must be a whole word: «данный» inside «обоснованный», «целях» inside other words")
    void wholeWordsOnly() {
        assertThat(rules("Отказ был обоснованный, но мы перепроверим.")).isEmpty();
        assertThat(rules("Вцелях экономии")).isEmpty();
        assertThat(rules("Сотрудник центра данных ответит завтра.")).isEmpty();
    }

    @Test
    @DisplayName("ACC-11: ё and е are the same letter; any whitespace, including a non-breaking space, separates words")
    void yoAndWhitespace() {
        assertThat(rules("Ведется работа по замене труб.")).containsExactly("passive-work-in-progress");
        assertThat(rules("Ведётся работа по замене труб.")).containsExactly("passive-work-in-progress");
        assertThat(markers("Мы работаем в\u00a0целях экономии.")).containsExactly("в\u00a0целях");
        assertThat(markers("Мы работаем в\n  целях экономии.")).containsExactly("в\n  целях");
        assertThat(markers("Оплата в полном объеме.")).containsExactly("в полном объеме");
    }

    @Test
    @DisplayName("ACC-11: a comma in a word-list marker is optional in the text")
    void optionalComma() {
        assertThat(markers("В связи с тем что дорогу закрыли, автобус ходит в объезд."))
                .containsExactly("В связи с тем что");
        assertThat(markers("В связи с тем, что дорогу закрыли, автобус ходит в объезд."))
                .containsExactly("В связи с тем, что");
    }

    @Test
    @DisplayName("MSG-22: passives come from a known list — «проводится» and «принимаются меры» yes, «смеётся» and «оказывается» no")
    void passiveList() {
        assertThat(rules("Проверка проводится ежегодно.")).containsExactly("passive-provoditsya");
        assertThat(rules("Выплата осуществлялась вовремя.")).containsExactly("passive-osushchestvlyaetsya");
        assertThat(rules("Замена производится бесплатно.")).containsExactly("passive-proizvoditsya");
        assertThat(rules("Ваша жалоба рассматривается.")).containsExactly("passive-rassmatrivaetsya");
        assertThat(rules("Подвоз организуется от школы.")).containsExactly("passive-organizuetsya");
        assertThat(rules("Принимаются меры.")).containsExactly("passive-measures");
        assertThat(rules("Были приняты исчерпывающие меры.")).containsExactly("passive-measures");
        assertThat(rules("Было принято решение перенести приём.")).containsExactly("passive-was-done");
        assertThat(rules("Пенсионерам оказывается помощь.")).containsExactly("passive-help-given");
        assertThat(rules("Он смеётся, и мы тоже. Оказывается, всё работает. Дети учатся, магазин открывается в девять."))
                .isEmpty();
    }

    @Test
    @DisplayName("ACC-11: press-release openings count only at the start; the same words inside the text are bureaucratese")
    void openingsOnlyAtStart() {
        assertThat(CHECKER.check("В рамках программы отремонтируем двор.").warnings())
                .extracting(StyleWarning::category, StyleWarning::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StyleCategory.PRESS_RELEASE,
                        "opening-in-the-framework"));
        assertThat(CHECKER.check("Двор отремонтируем в рамках программы.").warnings())
                .extracting(StyleWarning::category, StyleWarning::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StyleCategory.BUREAUCRATESE, "v-ramkah"));
        assertThat(rules("Мы знаем: министерство информирует жителей редко.")).containsExactly("informiruem");
        assertThat(rules("Министерство образования информирует: каникулы продлены.")).containsExactly("opening-body-informs");
        assertThat(rules("Как сообщает пресс-служба министерства, запись открыта.")).containsExactly("opening-according-to");
        assertThat(rules("Стартовала акция «Чистый двор».")).containsExactly("opening-took-place");
    }

    @Test
    @DisplayName("ACC-11: an opening after a greeting is still an opening; leading spaces, quotes and emoji are skipped")
    void openingAfterGreeting() {
        assertThat(rules("Здравствуйте, Анна! Доводим до Вашего сведения, что приём переносится."))
                .containsExactly("opening-we-inform");
        assertThat(rules("  «Сегодня, 1 сентября, в школах прозвенел первый звонок")).containsExactly("opening-date");
        assertThat(markers("\uD83D\uDCE2 Состоялось заседание комиссии.")).containsExactly("Состоялось заседание");
        assertThat(rules("\uD83D\uDCE2 Состоялось заседание комиссии.")).containsExactly("opening-took-place");
        assertThat(rules("Здравствуйте! Мастер придёт завтра. Информируем Вас заранее.")).containsExactly("informiruem");
        assertThat(markers("Здравствуйте!\nВ Кузбассе стартовала акция «Чистый двор».")).containsExactly(
                "В Кузбассе стартовала акция");
    }

    @Test
    @DisplayName("ACC-11: overlapping lexicon matches — the earlier start wins, then the longer match")
    void overlaps() {
        assertThat(markers("На данный момент очереди нет.")).containsExactly("На данный момент");
        assertThat(markers("В связи с ремонтом вход со двора.")).containsExactly("В связи с");
        assertThat(markers("В случае отсутствия паспорта позвоните нам.")).containsExactly("В случае отсутствия");
        assertThat(rules("Оплата осуществляется картой.")).containsExactly("passive-osushchestvlyaetsya");
        assertThat(rules("Мы осуществляем доставку.")).containsExactly("osushchestvlyat");
    }

    @Test
    @DisplayName("ACC-11: a genitive chain needs a head and three genitives, two of them with strong endings")
    void genitiveChains() {
        StyleReport report = CHECKER.check("Цель — повышение уровня качества обслуживания населения.");
        assertThat(report.warnings(StyleCategory.GENITIVE_CHAIN)).singleElement()
                .extracting(StyleWarning::marker).isEqualTo("повышение уровня качества обслуживания населения");
        // adjectives inside the chain neither count nor break it
        assertThat(CHECKER.check("Сотрудники управления социальной защиты населения района помогут.")
                .warnings(StyleCategory.GENITIVE_CHAIN)).singleElement()
                .extracting(StyleWarning::marker).isEqualTo("Сотрудники управления социальной защиты населения района");
        // one strong ending is not enough: a plain name of a department
        assertThat(rules("Сотрудники отдела социальной защиты населения района помогут.")).isEmpty();
        // only two genitives after the head
        assertThat(rules("Мы думаем об улучшении качества обслуживания.")).isEmpty();
        // punctuation breaks the chain
        assertThat(rules("Проверили работу учреждения, качества обслуживания, оснащения кабинетов.")).isEmpty();
        // a capitalized name breaks it
        assertThat(rules("Сотрудники министерства Кузбасса Кемерова помогут.")).isEmpty();
    }

    @Test
    @DisplayName("ACC-11: 30 words are fine, the 31st makes a sentence long; abbreviations and line breaks are handled")
    void sentenceLength() {
        String thirty = "Слово " + String.join(" ", java.util.Collections.nCopies(29, "слово")) + ".";
        String thirtyOne = "Слово " + String.join(" ", java.util.Collections.nCopies(30, "слово")) + ".";
        assertThat(rules(thirty)).isEmpty();
        assertThat(CHECKER.check(thirtyOne).warnings()).singleElement().satisfies(w -> {
            assertThat(w.rule()).isEqualTo("long-sentence");
            assertThat(w.message()).startsWith("Предложение из 31 слова: больше 30 слов читать тяжело");
        });
        assertThat(rules(thirty + " " + thirty + "\n" + thirty.replace(".", "") + "\n" + thirty)).isEmpty();
        // "ул." and "т. е." do not end the sentence, so this is one sentence of 33 words
        String withAbbreviations = "Приходите на ул. Ленина, д. 5, т. е. в новое здание, " + String.join(" ",
                java.util.Collections.nCopies(22, "слово")) + ".";
        assertThat(rules(withAbbreviations)).containsExactly("long-sentence");
    }

    @Test
    @DisplayName("ACC-11: score and verdict — press-release weighs 2, everything else 1; 0 PLAIN, 1 MINOR, 2+ NEEDS_WORK")
    void scoreAndVerdict() {
        assertThat(CHECKER.check("Запись открыта, приходите.")).satisfies(r -> {
            assertThat(r.score()).isZero();
            assertThat(r.verdict()).isEqualTo(StyleVerdict.PLAIN);
            assertThat(r.needsWork()).isFalse();
        });
        assertThat(CHECKER.check("Запись является бесплатной.")).satisfies(r -> {
            assertThat(r.score()).isEqualTo(1);
            assertThat(r.verdict()).isEqualTo(StyleVerdict.MINOR);
        });
        assertThat(CHECKER.check("Состоялось открытие сквера.")).satisfies(r -> {
            assertThat(r.score()).isEqualTo(2);
            assertThat(r.verdict()).isEqualTo(StyleVerdict.NEEDS_WORK);
            assertThat(r.needsWork()).isTrue();
        });
        assertThat(CHECKER.needsWork("Данный вопрос является важным.")).isTrue();
        assertThat(CHECKER.check("Запись является бесплатной.").wordCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("ACC-11: warnings carry a Russian message naming the marker, and plain suggestions")
    void messages() {
        StyleWarning warning = CHECKER.check("Приходите в целях экономии времени.").warnings().get(0);
        assertThat(warning.message()).isEqualTo("«в целях» — канцелярский оборот цели; в живой речи говорят «чтобы».");
        assertThat(warning.suggestions()).containsExactly("чтобы", "для");
        assertThat(warning.categoryLabel()).isEqualTo("канцелярит");
    }

    @Test
    @DisplayName("ACC-11: empty and null texts are PLAIN")
    void emptyText() {
        assertThat(CHECKER.check("").verdict()).isEqualTo(StyleVerdict.PLAIN);
        assertThat(CHECKER.check(null).warnings()).isEmpty();
        assertThat(CHECKER.check("   \n ").wordCount()).isZero();
    }

    @Test
    @DisplayName("ACC-11: the shipped lexicon has at least 40 markers over the listed bureaucratese, passives and openings")
    void lexiconSize() {
        Lexicon lexicon = CHECKER.lexicon();
        assertThat(lexicon.markerCount()).isGreaterThanOrEqualTo(40);
        assertThat(lexicon.size()).isGreaterThanOrEqualTo(40);
        assertThat(lexicon.entries()).extracting(LexiconEntry::category).contains(StyleCategory.BUREAUCRATESE,
                StyleCategory.PASSIVE, StyleCategory.PRESS_RELEASE);
        for (String text : List.of("в целях", "в рамках", "осуществляется", "данный", "является", "в соответствии с",
                "вышеуказанный", "производится", "на сегодняшний день", "в настоящее время", "в связи с тем, что",
                "с целью", "по вопросу", "в части", "мероприятие", "реализация", "обеспечение", "функционирование",
                "денежные средства", "в адрес", "доводим до вашего сведения", "уведомляем", "информируем",
                "рассматривается", "организуется", "принимаются меры")) {
            assertThat(rules("Итак, " + text + " тут.")).as(text).hasSize(1);
        }
        for (LexiconEntry entry : lexicon.entries()) {
            assertThat(entry.explanation()).as(entry.id()).containsPattern("\\p{IsCyrillic}");
            assertThat(entry.suggestions()).as(entry.id()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s).containsPattern("\\p{IsCyrillic}|—"));
        }
    }

    @Test
    @DisplayName("ACC-11: the checker is thread-safe: concurrent checks give the same reports")
    void threadSafe() throws Exception {
        List<String> texts = List.of(
                "В целях обеспечения безопасности граждан проводится проверка данного объекта.",
                "Сегодня, 12 марта, в Кемерове состоялось совещание по вопросу реализации программы.",
                "Данные о записи мы уже передали в поликлинику.",
                "Для повышения качества обслуживания населения проводится модернизация.");
        List<StyleReport> expected = texts.stream().map(CHECKER::check).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = IntStream.range(0, 400)
                    .<Callable<Boolean>>mapToObj(i -> () -> CHECKER.check(texts.get(i % texts.size()))
                            .equals(expected.get(i % texts.size())))
                    .toList();
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("ACC-11: a text of 20 000 characters is checked quickly")
    void largeText() {
        String paragraph = "В целях обеспечения безопасности граждан проводится проверка данного объекта. "
                + "Мы проверяем этот дом, чтобы жильцы были в безопасности. ";
        String text = paragraph.repeat(20_000 / paragraph.length() + 1).substring(0, 20_000);
        StyleReport report = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CHECKER.check(text));
        assertThat(report.warnings()).hasSizeGreaterThan(400);
        assertThat(report.verdict()).isEqualTo(StyleVerdict.NEEDS_WORK);
    }
}
