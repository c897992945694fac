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

    /** MSG-9: returned by a department as not competent, with the reason. */
    public static final String RETURNED_NOT_COMPETENT = "returned-not-competent";
    /** MSG-10: re-routed by an ОТО specialist to the competent department(s). */
    public static final String REROUTED = "rerouted";
    /** MSG-18: a department's part of a joint answer. */
    public static final String PART_SUBMITTED = "part-submitted";
    /** MSG-19: the joint draft composed by an ОТО specialist. */
    public static final String JOINT_COMPOSED = "joint-composed";
    /** MSG-17: an intermediate answer was posted; the final answer's deadline is set. */
    public static final String FINAL_ANSWER_DUE = "final-answer-due";
    /** MSG-6, MSG-13: the author replied to a clarification request. */
    public static final String AUTHOR_REPLIED = "author-replied";
    /** MSG-23: not to be processed; comment deleted, author blacklisted where possible. */
    public static final String MODERATED = "moderated";

    /** MSG-20: the message repeats an earlier case (by reference or confirmed match). */
    public static final String REPEAT_OF = "repeat-of";
    /** MSG-20: the specialist rejected a suspected repeat. */
    public static final String REPEAT_REJECTED = "repeat-rejected";

    private MessageEvents() {
    }
}
