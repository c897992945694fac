package ru.otklik.content.style;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static ru.otklik.content.style.StyleCategory.BUREAUCRATESE;
import static ru.otklik.content.style.StyleCategory.GENITIVE_CHAIN;
import static ru.otklik.content.style.StyleCategory.LONG_SENTENCE;
import static ru.otklik.content.style.StyleCategory.PASSIVE;
import static ru.otklik.content.style.StyleCategory.PRESS_RELEASE;
import static ru.otklik.content.style.StyleVerdict.MINOR;
import static ru.otklik.content.style.StyleVerdict.NEEDS_WORK;
import static ru.otklik.content.style.StyleVerdict.PLAIN;

/**
 * Realistic answers of a ministry in social networks: bureaucratic originals, their plain rewrites, and plain
 * sentences that look suspicious but must not be flagged. Every expected marker is checked against the text:
 * {@code text.substring(start, end)} is the marker, at its first occurrence from the previous marker on.
 */
@DisplayName("ACC-11 / MSG-22: answers in conversational style, without bureaucratese and press-release format")
class StyleCheckerSentencesTests {

    private static final StyleChecker CHECKER = StyleChecker.fromClasspath();

    record Expected(StyleCategory category, String marker) {

        @Override
        public String toString() {
            return category + ":" + marker;
        }
    }

    private static Expected bur(String marker) {
        return new Expected(BUREAUCRATESE, marker);
    }

    private static Expected passive(String marker) {
        return new Expected(PASSIVE, marker);
    }

    private static Expected pr(String marker) {
        return new Expected(PRESS_RELEASE, marker);
    }

    private static Expected chain(String marker) {
        return new Expected(GENITIVE_CHAIN, marker);
    }

    private static Arguments row(String text, StyleVerdict verdict, Expected... expected) {
        return arguments(text, verdict, List.of(expected));
    }

    static Stream<Arguments> bureaucratic() {
        return Stream.of(
                row("В целях обеспечения безопасности граждан проводится проверка данного объекта.", NEEDS_WORK,
                        bur("В целях"), bur("обеспечения"), passive("проводится"), bur("данного")),
                row("Информируем Вас, что Ваше обращение рассмотрено, по вопросу ремонта дороги в настоящее время "
                                + "ведётся работа.", NEEDS_WORK,
                        pr("Информируем Вас"), passive("обращение рассмотрено"), bur("по вопросу"),
                        bur("в настоящее время"), passive("ведётся работа")),
                row("Сегодня, 12 марта, в Кемерове состоялось совещание по вопросу реализации программы "
                                + "капитального ремонта.", NEEDS_WORK,
                        pr("Сегодня, 12 марта"), pr("состоялось совещание"), bur("по вопросу"), bur("реализации")),
                row("Доводим до Вашего сведения, что выплата денежных средств осуществляется в соответствии с "
                                + "графиком.", NEEDS_WORK,
                        pr("Доводим до Вашего сведения"), bur("денежных средств"), passive("осуществляется"),
                        bur("в соответствии с")),
                row("Данное мероприятие является частью работы по обеспечению функционирования учреждений культуры.",
                        NEEDS_WORK,
                        bur("Данное"), bur("мероприятие"), bur("является"),
                        chain("обеспечению функционирования учреждений культуры"), bur("обеспечению"),
                        bur("функционирования")),
                row("На сегодняшний день вышеуказанные работы выполнены в полном объёме.", NEEDS_WORK,
                        bur("На сегодняшний день"), bur("вышеуказанные"), bur("в полном объёме")),
                row("В связи с тем, что в настоящее время имеется задолженность, предоставление субсидии "
                                + "приостановлено.", NEEDS_WORK,
                        bur("В связи с тем, что"), bur("в настоящее время"), bur("имеется"), bur("предоставление")),
                row("Министерство здравоохранения Кузбасса информирует о проведении вакцинации населения.", NEEDS_WORK,
                        pr("Министерство здравоохранения Кузбасса информирует"), bur("проведении")),
                row("В рамках реализации национального проекта «Демография» проведены мероприятия для детей.",
                        NEEDS_WORK,
                        pr("В рамках"), bur("реализации"), bur("мероприятия")),
                row("Прошло расширенное заседание коллегии министерства, на котором были подведены итоги работы.",
                        NEEDS_WORK,
                        pr("Прошло расширенное заседание"), pr("были подведены итоги")),
                row("Обращаем Ваше внимание, что при наличии льготы необходимо обратиться в МФЦ по месту жительства.",
                        NEEDS_WORK,
                        bur("Обращаем Ваше внимание"), bur("при наличии"), bur("необходимо")),
                row("Ваше заявление перенаправлено в адрес управляющей компании для принятия мер.", NEEDS_WORK,
                        passive("заявление перенаправлено"), bur("в адрес"), bur("принятия мер")),
                row("Уведомляем, что приём граждан осуществляется в установленном порядке согласно графику.",
                        NEEDS_WORK,
                        pr("Уведомляем"), passive("осуществляется"), bur("в установленном порядке"), bur("согласно")),
                row("Информация о сроках проведения ремонта будет доведена до жителей дополнительно.", NEEDS_WORK,
                        bur("проведения"), bur("доведена до жителей")),
                row("В случае неявки заявителя на приём заявление подлежит возврату.", NEEDS_WORK,
                        bur("В случае"), bur("заявителя"), bur("подлежит")),
                row("Со стороны администрации принимаются все необходимые меры по устранению недостатков.", NEEDS_WORK,
                        bur("Со стороны"), passive("принимаются все необходимые меры")),
                row("Сообщаем, что финансирование данного направления в текущем году не предусмотрено.", NEEDS_WORK,
                        pr("Сообщаем"), bur("данного"), bur("в текущем году"), bur("не предусмотрено")),
                row("Денежные средства будут перечислены на лицевой счёт заявителя в срок до 15 мая.", NEEDS_WORK,
                        bur("Денежные средства"), bur("заявителя"), bur("в срок до")),
                row("Благодарим за обращение! Ваш вопрос находится на контроле министерства.", NEEDS_WORK,
                        bur("Благодарим за обращение"), bur("находится на контроле")),
                row("Для повышения качества обслуживания населения проводится модернизация.", NEEDS_WORK,
                        chain("повышения качества обслуживания населения"), passive("проводится")),
                row("Работы по благоустройству территории производятся подрядной организацией в рамках "
                                + "муниципального контракта.", NEEDS_WORK,
                        passive("производятся"), bur("в рамках")),
                row("Вчера в Новокузнецке прошёл традиционный фестиваль «Сибирская масленица». С приветственным "
                                + "словом к участникам обратился министр культуры.", NEEDS_WORK,
                        pr("Вчера в Новокузнецке прошёл традиционный фестиваль"), pr("С приветственным словом")),
                row("Добрый день! Информируем Вас о том, что запись открыта.", NEEDS_WORK,
                        pr("Информируем Вас")),
                row("Здравствуйте! Ремонт крыши пройдёт в рамках программы капремонта в 2026 году.", MINOR,
                        bur("в рамках")),
                row("По данному вопросу разъясняем, что выплата производится ежемесячно.", NEEDS_WORK,
                        bur("По данному вопросу"), bur("разъясняем"), passive("производится")),
                row("12 марта в Кемерове состоялась торжественная церемония вручения сертификатов.", NEEDS_WORK,
                        pr("12 марта"), pr("состоялась торжественная церемония")),
                row("Данные меры позволят сократить очереди.", MINOR,
                        bur("Данные")));
    }

    static Stream<Arguments> plainRewrites() {
        return Stream.of(
                row("Мы проверяем этот дом, чтобы жильцы были в безопасности.", PLAIN),
                row("Мы прочитали ваш вопрос про дорогу. Ремонт начнём в мае, подрядчик уже выбран.", PLAIN),
                row("В Кемерове выбрали дома, которые отремонтируют этим летом.", PLAIN),
                row("Деньги придут по графику: 1-го и 15-го числа каждого месяца.", PLAIN),
                row("Этот концерт — часть нашей работы: мы помогаем библиотекам и музеям.", PLAIN),
                row("Во дворе уже всё доделали: положили асфальт и поставили скамейки.", PLAIN),
                row("Субсидию пока не платим, потому что есть долг за квартиру. Как только погасите его, выплаты "
                        + "вернутся.", PLAIN),
                row("Прививку от гриппа можно сделать бесплатно в любой поликлинике до конца ноября.", PLAIN),
                row("По нацпроекту «Демография» устроили для детей праздник и две экскурсии.", PLAIN),
                row("За год открыли 12 новых кабинетов врачей общей практики — теперь до терапевта ближе идти.", PLAIN),
                row("Если у вас есть льгота, приходите с паспортом в ближайший МФЦ — оформим на месте.", PLAIN),
                row("Мы передали ваше письмо в управляющую компанию «Уют». Они обещали починить крышу до пятницы.",
                        PLAIN),
                row("Специалисты принимают по вторникам и четвергам с 9 до 13, записываться не нужно.", PLAIN),
                row("Когда начнётся ремонт, напишем здесь и повесим объявления в подъездах.", PLAIN),
                row("Если не сможете прийти, позвоните нам — перенесём запись, заявление никуда не денется.", PLAIN),
                row("Администрация уже наняла подрядчика: яму на дороге заделают до конца недели.", PLAIN),
                row("В этом году денег на это в бюджете нет, но мы внесли ваш двор в план на 2026 год.", PLAIN),
                row("Деньги придут на ваш счёт до 15 мая.", PLAIN),
                row("Спасибо, что написали! Мы следим за ремонтом и напишем, когда его закончат.", PLAIN),
                row("Мы позвонили в управляющую компанию. В понедельник утром придёт мастер и проверит батареи во "
                        + "всём подъезде. Если найдёт поломку, сразу заменит краны — бесплатно и без новой заявки.",
                        PLAIN),
                row("Чтобы в поликлинике было меньше очередей, мы ставим терминалы для записи.", PLAIN),
                row("Двор благоустраивает подрядчик по договору с городом, закончит в июле.", PLAIN),
                row("Масленица в Новокузнецке удалась: пришли пять тысяч человек, блинов не хватило — в следующем "
                        + "году напечём больше!", PLAIN));
    }

    static Stream<Arguments> trickyPlain() {
        return Stream.of(
                // «данные» as a noun ("data") is ordinary Russian; only the adjective «данный» is flagged
                row("Данные о записи мы уже передали в поликлинику.", PLAIN),
                row("Ваши данные защищены, их видит только врач.", PLAIN),
                row("В базе данных вашей заявки нет — пришлите, пожалуйста, её номер.", PLAIN),
                row("По данным Росстата, зарплаты в Кузбассе выросли.", PLAIN),
                row("Эти данные мы обновляем каждый день.", PLAIN),
                row("Вы спрашивали про данные для входа на Госуслуги: логин — это ваш телефон.", PLAIN),
                // capital «Вы/Ваш» is politeness, not bureaucratese
                row("Вы можете записаться к врачу через Госуслуги или по телефону 122.", PLAIN),
                row("Спасибо, что Вы написали! Ваше фото мы передали мастеру.", PLAIN),
                // reflexive verbs outside the passive list
                row("Оказывается, справку можно получить и онлайн — за пять минут.", PLAIN),
                row("Над шуткой про очередь смеётся весь отдел, но очередь мы всё-таки уберём.", PLAIN),
                row("В Кемерове прошёл сильный снегопад, поэтому автобусы задерживаются.", PLAIN),
                // dates and "прошло" that are not press-release openings
                row("Сегодня мастер придёт к вам с 10 до 12.", PLAIN),
                row("Прошло две недели — это слишком долго, извините. Завтра мастер придёт.", PLAIN),
                row("Завтра в школе пройдёт родительское собрание в 18:00.", PLAIN),
                row("12 марта в 10:00 откроем запись к неврологу.", PLAIN),
                // look-alikes of «в части», «со стороны», «проводится»
                row("Часть денег вернут в мае, остальное — в июне.", PLAIN),
                row("Вход со стороны двора, дверь зелёная.", PLAIN),
                row("Мы проводили такие встречи и раньше, в следующий раз позовём и вас.", PLAIN),
                // genitives that are not a heavy chain
                row("Номер телефона отдела кадров есть на сайте.", PLAIN),
                row("Снег во дворе убирает управляющая компания, её телефон — 8 800 100-20-30.", PLAIN),
                row("Мы рады, что праздник во дворе вам понравился! Фото выложим завтра.", PLAIN),
                row("Вы правы, в понедельник автобус №12 не пришёл. Водителя уже оштрафовали.", PLAIN));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("bureaucratic")
    @DisplayName("ACC-11, MSG-22: bureaucratic and press-release answers of a ministry are flagged at the right places")
    void bureaucraticAnswers(String text, StyleVerdict verdict, List<Expected> expected) {
        assertReport(text, verdict, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("plainRewrites")
    @DisplayName("ACC-11, MSG-22: the plain rewrites of those answers pass without warnings")
    void plainRewrites(String text, StyleVerdict verdict, List<Expected> expected) {
        assertReport(text, verdict, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("trickyPlain")
    @DisplayName("ACC-11: plain sentences that only look suspicious are not flagged")
    void trickyPlainSentences(String text, StyleVerdict verdict, List<Expected> expected) {
        assertReport(text, verdict, expected);
    }

    @Test
    @DisplayName("ACC-11: a 41-word run-on answer gets one long-sentence warning spanning the sentence (MINOR)")
    void longRunOnAnswer() {
        String text = "Мы посмотрели вашу заявку и позвонили в управляющую компанию, там пообещали прислать мастера "
                + "в понедельник утром, он проверит батареи во всех квартирах вашего подъезда, а если найдёт "
                + "неисправность, то заменит краны сразу, без новой заявки и без оплаты с вашей стороны.";
        StyleReport report = CHECKER.check(text);
        assertThat(report.verdict()).isEqualTo(MINOR);
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.category()).isEqualTo(LONG_SENTENCE);
            assertThat(w.start()).isZero();
            assertThat(w.end()).isEqualTo(text.length());
            assertThat(w.message()).startsWith("Предложение из 41 слова");
        });
    }

    @Test
    @DisplayName("ACC-11: offsets are exact character positions in the original text")
    void exactOffsets() {
        String text = "В целях обеспечения безопасности граждан проводится проверка данного объекта.";
        assertThat(CHECKER.check(text).warnings())
                .extracting(StyleWarning::rule, StyleWarning::start, StyleWarning::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("v-celyah", 0, 7),
                        org.assertj.core.groups.Tuple.tuple("obespechenie", 8, 19),
                        org.assertj.core.groups.Tuple.tuple("passive-provoditsya", 41, 51),
                        org.assertj.core.groups.Tuple.tuple("dannyi", 61, 68));
    }

    private static void assertReport(String text, StyleVerdict verdict, List<Expected> expected) {
        StyleReport report = CHECKER.check(text);
        assertThat(report.warnings())
                .extracting(w -> new Expected(w.category(), w.marker()))
                .as("warnings of «%s»", text)
                .containsExactlyElementsOf(expected);
        int from = 0;
        for (StyleWarning warning : report.warnings()) {
            assertThat(text.substring(warning.start(), warning.end())).isEqualTo(warning.marker());
            assertThat(warning.start()).as("position of «%s»", warning.marker())
                    .isEqualTo(text.indexOf(warning.marker(), from));
            assertThat(warning.message()).isNotBlank();
            assertThat(warning.categoryLabel()).isEqualTo(warning.category().label());
            from = warning.start();
        }
        assertThat(report.verdict()).as("verdict of «%s» (score %d)", text, report.score()).isEqualTo(verdict);
        assertThat(report.summary()).isEqualTo(verdict.summary());
    }
}
