package ru.otklik.retention;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymisationTests {

    static final String TEXT = "Я, Иван Петров, жду ответа уже неделю. " + "Очень долго. ".repeat(50);

    @Test
    @DisplayName("Blanks the author's name, id, link and text, also the text as notifications cut it, and keeps the rest")
    void blanksEveryQuote() {
        Anonymisation a = new Anonymisation("Иван Петров", "id1234", "https://vk.com/wall-1_2", "wall-1_2", TEXT);

        assertThat(a.blank("Автор: Иван Петров (id1234), ссылка https://vk.com/wall-1_2. Текст: "
                + TEXT.substring(0, 500) + "…"))
                .isEqualTo("Автор: «обезличено» («обезличено»), ссылка «обезличено». Текст: «обезличено»…");
        assertThat(a.blank("Уважаемый Иван Петров! Срок 10 дней, тема: ЗАГС, 12.03.2026"))
                .isEqualTo("Уважаемый «обезличено»! Срок 10 дней, тема: ЗАГС, 12.03.2026");
        assertThat(a.blank(null)).isNull();
    }

    @Test
    @DisplayName("Ignores missing and very short identifiers, which would blank unrelated words")
    void ignoresShortPieces() {
        Anonymisation a = new Anonymisation(null, "42", null, null, "Вопрос");

        assertThat(a.blank("Ответ на вопрос 42 дан")).isEqualTo("Ответ на вопрос 42 дан");
        assertThat(a.blank("Вопрос")).isEqualTo("«обезличено»");
    }
}
