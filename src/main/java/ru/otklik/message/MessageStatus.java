package ru.otklik.message;

/** Where a message stands in the procedure of Приложение 1 (MSG-8 … MSG-16); the title is what staff read. */
public enum MessageStatus {
    /** MSG-8: entered in the registry of messages. */
    REGISTERED("Зарегистрировано"),
    /** MSG-8: with the coordinator, who sets importance and the department. */
    ROUTING("Определение важности и отдела"),
    /** MSG-8: sent to the department, awaiting receipt by its head and the choice of an executor. */
    IN_DEPARTMENT("Передано в отдел"),
    /** MSG-13: the executor prepares the draft answer. */
    DRAFTING("Подготовка проекта ответа"),
    /** MSG-14: the draft awaits approval. */
    APPROVAL("На согласовании"),
    /** MSG-15: the draft was returned for rework. */
    REWORK("На доработке"),
    /** MSG-16: the approved answer awaits posting. */
    POSTING("Размещение ответа"),
    /** MSG-11, MSG-16: the answer is posted. */
    ANSWERED("Ответ размещён"),
    /** MSG-9, MSG-10: returned as not competent, awaiting re-routing by an ОТО specialist. */
    RETURNED("Возвращено как не относящееся к компетенции"),
    /** MSG-17: an intermediate answer is posted; the final one is due within 7 working days. */
    INTERMEDIATE_ANSWERED("Размещён промежуточный ответ"),
    /** MSG-6, MSG-13: a clarification request is posted; the author's reply is awaited. */
    AWAITING_REPLY("Ожидается ответ автора"),
    /** MSG-23: not processed and not answered. */
    NOT_PROCESSED("Не подлежит рассмотрению"),
    /** The case was cancelled in Cockpit (no answer). */
    CANCELLED("Работа прекращена");

    private final String title;

    MessageStatus(String title) {
        this.title = title;
    }

    /** The Russian label staff read. */
    public String title() {
        return title;
    }
}
