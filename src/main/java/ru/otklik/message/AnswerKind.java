package ru.otklik.message;

/** What the executor prepares (MSG-13): an answer, an intermediate answer or a clarification request. */
public enum AnswerKind {
    FINAL("Ответ по существу"),
    /** MSG-17: the final answer follows within 7 working days. */
    INTERMEDIATE("Промежуточный ответ"),
    CLARIFICATION("Запрос уточняющей информации");

    private final String title;

    AnswerKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
