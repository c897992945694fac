package ru.otklik.report;

import ru.otklik.message.BreachedDeadlines;
import ru.otklik.message.MessageStep;

/**
 * The deadlines of part A whose on-time share the summary shows: the step key of the journal and of
 * {@code message_violation} ({@link MessageStep#key()}, or {@link BreachedDeadlines#FINAL}), the registry column
 * holding its due date, the rule and the Russian title.
 */
enum Deadline {
    ROUTING(MessageStep.ROUTING.key(), "routing_due", "MSG-8", "Направление в отдел (25 минут)"),
    RETURN(MessageStep.RETURN.key(), "return_due", "MSG-9", "Возврат как не относящегося к компетенции (15 минут)"),
    REROUTE(MessageStep.REROUTE.key(), "reroute_due", "MSG-10", "Перенаправление (5 минут)"),
    DRAFT(MessageStep.DRAFT.key(), "draft_due", "MSG-13", "Проект ответа"),
    APPROVAL(MessageStep.APPROVAL.key(), "approval_due", "MSG-14", "Согласование (30/15 минут)"),
    REWORK(MessageStep.REWORK.key(), "rework_due", "MSG-15", "Доработка (1 час/30 минут)"),
    PART(MessageStep.PART.key(), "part_due", "MSG-18", "Часть совместного ответа"),
    POSTING(MessageStep.POSTING.key(), "posting_due", "MSG-16", "Размещение ответа (15 минут)"),
    ANSWER(MessageStep.ANSWER.key(), "answer_due", "MSG-11", "Ответ (8/4 рабочих часа)"),
    /** MSG-17: an answer breach whose due lies after the intermediate answer is the final answer's. */
    FINAL(BreachedDeadlines.FINAL, null, "MSG-17", "Окончательный ответ после промежуточного (7 рабочих дней)");

    final String key;
    final String column;
    final String ruleId;
    final String title;

    Deadline(String key, String column, String ruleId, String title) {
        this.key = key;
        this.column = column;
        this.ruleId = ruleId;
        this.title = title;
    }
}
