package ru.otklik.message;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of the procedure that run against a deadline, with the rule that sets it. The key names the
 * deadline in {@link MessageEntry#deadlines()}, in the journal and in violations.
 */
public enum MessageStep {
    /** MSG-8: routed to the department within 25 minutes of detection. */
    ROUTING("routing", "routing_due", "MSG-8", "Направление в отдел", MessageStatus.ROUTING),
    /** MSG-11 (8 h), MSG-12 (4 h for elevated importance) or the coordinator's shortened deadline (MSG-8). */
    ANSWER("answer", "answer_due", "MSG-11", "Ответ автору", null),
    /** MSG-13: the draft answer. */
    DRAFT("draft", "draft_due", "MSG-13", "Подготовка проекта ответа", MessageStatus.DRAFTING),
    /** MSG-14: approval or return. */
    APPROVAL("approval", "approval_due", "MSG-14", "Согласование проекта ответа", MessageStatus.APPROVAL),
    /** MSG-15: rework of a returned draft. */
    REWORK("rework", "rework_due", "MSG-15", "Доработка проекта ответа", MessageStatus.REWORK),
    /** MSG-16: posting the approved answer. */
    POSTING("posting", "posting_due", "MSG-16", "Размещение ответа", MessageStatus.POSTING),
    /** MSG-9: a return as not competent within 15 minutes of the department's receipt (checked on return). */
    RETURN("return", "return_due", "MSG-9", "Возврат сообщения как не относящегося к компетенции", null),
    /** MSG-10: re-routing within 5 minutes of a return. */
    REROUTE("reroute", "reroute_due", "MSG-10", "Перенаправление в компетентный отдел", MessageStatus.RETURNED),
    /** MSG-18: a department's part of a joint answer, 15 minutes before the answer deadline. */
    PART("part", "part_due", "MSG-18", "Подготовка части совместного ответа", MessageStatus.DRAFTING);

    private final String key;
    private final String dueColumn;
    private final String ruleId;
    private final String title;
    private final MessageStatus status;

    MessageStep(String key, String dueColumn, String ruleId, String title, MessageStatus status) {
        this.key = key;
        this.dueColumn = dueColumn;
        this.ruleId = ruleId;
        this.title = title;
        this.status = status;
    }

    /** The name used in BPMN, the journal, violations and {@link MessageEntry#deadlines()}. */
    public String key() {
        return key;
    }

    String dueColumn() {
        return dueColumn;
    }

    /** The rule that sets the deadline (for ANSWER the regular one; see {@link #ruleId(Importance)}). */
    public String ruleId() {
        return ruleId;
    }

    /** The rule of the deadline for a message of that importance: MSG-12 for an elevated answer. */
    public String ruleId(Importance importance) {
        return this == ANSWER && importance == Importance.ELEVATED ? "MSG-12" : ruleId;
    }

    /** The Russian name staff read. */
    public String title() {
        return title;
    }

    /** The status of the message while the step runs; {@code null} for the answer, which spans the case. */
    public MessageStatus status() {
        return status;
    }

    public static Optional<MessageStep> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static MessageStep of(String key) {
        return byKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown step " + key));
    }
}
