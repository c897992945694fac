package ru.otklik.message;

/** The kinds of journal entries ({@link MessageEvent#step()}). */
public final class MessageEvents {

    /** MSG-8: entered in the registry. */
    public static final String REGISTERED = "registered";
    /** MSG-8: a case works on the message. */
    public static final String PROCESS_STARTED = "process-started";
    /** MSG-8: importance and department set, sent to the department. */
    public static final String ROUTED = "routed";
    /** MSG-8: received by the department head (or an executor) against signature. */
    public static final String RECEIVED = "received";
    /** MSG-7: executor named. */
    public static final String EXECUTOR_ASSIGNED = "executor-assigned";
    /** MSG-13: draft submitted for approval. */
    public static final String DRAFT_SUBMITTED = "draft-submitted";
    /** MSG-14: draft approved. */
    public static final String APPROVED = "approved";
    /** MSG-14: draft returned with remarks. */
    public static final String RETURNED = "returned";
    /** MSG-15: reworked draft re-submitted. */
    public static final String REWORKED = "reworked";
    /** MSG-16: answer posted. */
    public static final String ANSWER_POSTED = "answer-posted";
    /** MSG-24: a deadline is near. */
    public static final String WARNING = "warning";
    /** MSG-24, MSG-27: a deadline was breached. */
    public static final String OVERDUE = "overdue";
    /** MSG-26: elevated importance reported to the coordinator and the head of the body. */
    public static final String ELEVATED_REPORTED = "elevated-reported";
    /** MSG-26: the head of the body acknowledged the report. */
    public static final String ELEVATED_ACKNOWLEDGED = "elevated-acknowledged";

    private MessageEvents() {
    }
}
