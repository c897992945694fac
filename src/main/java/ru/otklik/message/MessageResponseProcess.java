package ru.otklik.message;

import java.util.Map;
import java.util.Optional;

/**
 * Names in {@code bpmn/MessageResponse.bpmn}: the process key, element ids and variables, shared by the
 * delegates and the tests.
 */
public final class MessageResponseProcess {

    public static final String PROCESS_KEY = "MessageResponse";

    // ---- elements ----
    public static final String START_EVENT = "StartEvent_MessageDetected";
    public static final String TASK_REGISTER = "Task_RegisterMessage";
    public static final String TASK_CLASSIFY = "Task_ClassifyMessage";
    public static final String BOUNDARY_ROUTING_WARNING = "BoundaryEvent_RoutingWarning";
    public static final String BOUNDARY_ROUTING_OVERDUE = "BoundaryEvent_RoutingOverdue";
    public static final String TASK_WARN_ROUTING = "Task_WarnRouting";
    public static final String TASK_ESCALATE_ROUTING = "Task_EscalateRouting";
    public static final String GATEWAY_FORK = "Gateway_Fork";
    public static final String GATEWAY_IMPORTANCE_ELEVATED = "Gateway_ImportanceElevated";
    public static final String TASK_REPORT_ELEVATED = "Task_ReportElevated";
    public static final String TASK_ACKNOWLEDGE_ELEVATED = "Task_AcknowledgeElevated";
    public static final String END_HEAD_INFORMED = "EndEvent_HeadInformed";
    public static final String END_NO_REPORT = "EndEvent_NoReportNeeded";
    public static final String SUBPROCESS_ANSWER = "SubProcess_Answer";
    public static final String BOUNDARY_ANSWER_WARNING = "BoundaryEvent_AnswerWarning";
    public static final String BOUNDARY_ANSWER_OVERDUE = "BoundaryEvent_AnswerOverdue";
    public static final String TASK_WARN_ANSWER = "Task_WarnAnswer";
    public static final String TASK_ESCALATE_ANSWER = "Task_EscalateAnswer";
    public static final String TASK_RECEIVE = "Task_ReceiveMessage";
    public static final String TASK_DRAFT = "Task_DraftAnswer";
    public static final String BOUNDARY_DRAFT_WARNING = "BoundaryEvent_DraftWarning";
    public static final String BOUNDARY_DRAFT_OVERDUE = "BoundaryEvent_DraftOverdue";
    public static final String TASK_WARN_DRAFT = "Task_WarnDraft";
    public static final String TASK_ESCALATE_DRAFT = "Task_EscalateDraft";
    public static final String TASK_APPROVE = "Task_ApproveAnswer";
    public static final String BOUNDARY_APPROVAL_WARNING = "BoundaryEvent_ApprovalWarning";
    public static final String BOUNDARY_APPROVAL_OVERDUE = "BoundaryEvent_ApprovalOverdue";
    public static final String TASK_WARN_APPROVAL = "Task_WarnApproval";
    public static final String TASK_ESCALATE_APPROVAL = "Task_EscalateApproval";
    public static final String GATEWAY_DRAFT_APPROVED = "Gateway_DraftApproved";
    public static final String TASK_REWORK = "Task_ReworkAnswer";
    public static final String BOUNDARY_REWORK_WARNING = "BoundaryEvent_ReworkWarning";
    public static final String BOUNDARY_REWORK_OVERDUE = "BoundaryEvent_ReworkOverdue";
    public static final String TASK_WARN_REWORK = "Task_WarnRework";
    public static final String TASK_ESCALATE_REWORK = "Task_EscalateRework";
    // MSG-16: posting, through the network's API or by hand
    public static final String SUBPROCESS_POSTING = "SubProcess_Posting";
    public static final String GATEWAY_API_POSTING = "Gateway_ApiPosting";
    public static final String TASK_PUBLISH = "Task_PublishAnswer";
    public static final String BOUNDARY_PUBLISH_FAILED = "BoundaryEvent_PublishFailed";
    public static final String END_PUBLISHED_VIA_API = "EndEvent_PublishedViaApi";
    public static final String TASK_POST = "Task_PostAnswer";
    public static final String END_POSTED_MANUALLY = "EndEvent_PostedManually";
    public static final String BOUNDARY_POSTING_WARNING = "BoundaryEvent_PostingWarning";
    public static final String BOUNDARY_POSTING_OVERDUE = "BoundaryEvent_PostingOverdue";
    public static final String TASK_WARN_POSTING = "Task_WarnPosting";
    public static final String TASK_ESCALATE_POSTING = "Task_EscalatePosting";
    public static final String END_ANSWER_POSTED = "EndEvent_AnswerPosted";
    // MSG-9, MSG-10: return as not competent and re-routing
    public static final String GATEWAY_COMPETENT = "Gateway_Competent";
    public static final String TASK_REROUTE = "Task_RerouteMessage";
    public static final String BOUNDARY_REROUTE_WARNING = "BoundaryEvent_RerouteWarning";
    public static final String BOUNDARY_REROUTE_OVERDUE = "BoundaryEvent_RerouteOverdue";
    public static final String TASK_WARN_REROUTE = "Task_WarnReroute";
    public static final String TASK_ESCALATE_REROUTE = "Task_EscalateReroute";
    // MSG-18, MSG-19: joint answers
    public static final String GATEWAY_JOINT_ANSWER = "Gateway_JointAnswer";
    public static final String SUBPROCESS_DEPARTMENT_PART = "SubProcess_DepartmentPart";
    public static final String TASK_RECEIVE_PART = "Task_ReceivePart";
    public static final String TASK_PREPARE_PART = "Task_PreparePart";
    public static final String BOUNDARY_PART_WARNING = "BoundaryEvent_PartWarning";
    public static final String BOUNDARY_PART_OVERDUE = "BoundaryEvent_PartOverdue";
    public static final String TASK_WARN_PART = "Task_WarnPart";
    public static final String TASK_ESCALATE_PART = "Task_EscalatePart";
    public static final String END_PART_RETURNED = "EndEvent_PartReturned";
    public static final String TASK_COMPOSE_JOINT = "Task_ComposeJointAnswer";
    // MSG-6, MSG-13, MSG-17: rounds after an intermediate answer or a clarification request
    public static final String GATEWAY_ANSWER_ROUND = "Gateway_AnswerRound";
    public static final String GATEWAY_ANSWER_KIND = "Gateway_AnswerKind";
    public static final String TASK_SCHEDULE_FINAL_ANSWER = "Task_ScheduleFinalAnswer";
    public static final String TASK_RECORD_AUTHOR_REPLY = "Task_RecordAuthorReply";
    // MSG-20, MSG-21: repeat messages
    public static final String GATEWAY_REPEAT_SUSPECTED = "Gateway_RepeatSuspected";
    public static final String TASK_CONFIRM_REPEAT = "Task_ConfirmRepeat";
    // MSG-23: not to be processed
    public static final String GATEWAY_TO_BE_PROCESSED = "Gateway_ToBeProcessed";
    public static final String TASK_MODERATE = "Task_ModerateMessage";
    public static final String END_NOT_PROCESSED = "EndEvent_NotProcessed";

    // ---- variables ----
    public static final String VAR_MESSAGE_ID = "messageId";
    public static final String VAR_ORGANIZATION = "organization";
    public static final String VAR_BUSINESS_KEY = "businessKey";
    public static final String VAR_DETECTED_AT = "detectedAt";
    /** The detection time formatted for forms ("27.11.2026 17:50"). */
    public static final String VAR_DETECTED_AT_TEXT = "detectedAtText";
    public static final String VAR_NETWORK = "network";
    public static final String VAR_URL = "url";
    public static final String VAR_EXTERNAL_ID = "externalId";
    public static final String VAR_AUTHOR_NAME = "authorName";
    public static final String VAR_AUTHOR_ID = "authorId";
    public static final String VAR_TEXT = "text";
    public static final String VAR_TOPIC = "topic";
    public static final String VAR_LOCATION = "location";
    /** The Tasklist user who started the case from the registration form (start event initiator). */
    public static final String VAR_REGISTERED_BY = "registeredBy";
    /** MSG-8: "REGULAR" or "ELEVATED", set by the coordinator. */
    public static final String VAR_IMPORTANCE = "importance";
    /** MSG-8: the responsible department's id (policy file). */
    public static final String VAR_DEPARTMENT = "department";
    /** MSG-8: the coordinator's shortened answer deadline, optional. */
    public static final String VAR_SHORTENED_DEADLINE = "shortenedDeadline";
    /** The deadline of the whole case (MSG-11, MSG-12 or the shortened one), a Date. */
    public static final String VAR_ANSWER_DUE = "answerDue";
    /** Input variables of the classification task: the answer deadline for either importance. */
    public static final String VAR_REGULAR_ANSWER_DUE = "regularAnswerDue";
    public static final String VAR_ELEVATED_ANSWER_DUE = "elevatedAnswerDue";
    /** Local variables of each step with a deadline: when it started and its due date (a Date). */
    public static final String VAR_STEP_STARTED_AT = "stepStartedAt";
    public static final String VAR_STEP_DUE = "stepDue";
    /** Local variable of a task: its deadline and warning formatted for the form. */
    public static final String VAR_DEADLINE_TEXT = "deadlineText";
    /** MSG-8: when the department received the message (claim or completion of the receipt task). */
    public static final String VAR_RECEIVED_AT = "receivedAt";
    public static final String VAR_RECEIVED_BY = "receivedBy";
    /** MSG-7: the executor's user id, chosen by the department head. */
    public static final String VAR_EXECUTOR = "executor";
    /** Local variable of the receipt task: the select options of the department's executors. */
    public static final String VAR_EXECUTOR_OPTIONS = "executorOptions";
    /** MSG-13, MSG-22: the draft. */
    public static final String VAR_ANSWER_TEXT = "answerText";
    public static final String VAR_ANSWER_KIND = "answerKind";
    public static final String VAR_PHOTO_URL = "photoUrl";
    public static final String VAR_VIDEO_URL = "videoUrl";
    /** MSG-14: "APPROVE" or "RETURN", and the remarks of a return. */
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_REMARKS = "remarks";
    public static final String VAR_APPROVED = "approved";
    public static final String VAR_APPROVED_BY = "approvedBy";
    /** MSG-16: the posted answer. */
    public static final String VAR_ANSWER_URL = "answerUrl";
    public static final String VAR_ANSWER_POSTED_AT = "answerPostedAt";

    /** MSG-9: "ACCEPT" or "RETURN" (not competent) on the receipt form, and the reason of a return. */
    public static final String VAR_RECEIPT_DECISION = "receiptDecision";
    public static final String VAR_RETURN_REASON = "returnReason";
    /** Local variable of a receipt task: the MSG-9 return window, an ISO-8601 duration from the diagram. */
    public static final String VAR_RETURN_WINDOW = "returnWindow";
    /** MSG-8, MSG-18: all responsible departments (a list); several make a joint answer. */
    public static final String VAR_DEPARTMENTS = "departments";
    /** Form field: the departments besides the responsible one (MSG-18). */
    public static final String VAR_JOINT_DEPARTMENTS = "jointDepartments";
    /** Local variables of a department's part (MSG-18). */
    public static final String VAR_PART_EXECUTOR = "partExecutor";
    public static final String VAR_PART_RECEIVED_AT = "partReceivedAt";
    public static final String VAR_PART_TEXT = "partText";
    /** MSG-19: the parts for the compose form, and the specialist who composed the joint draft. */
    public static final String VAR_JOINT_PARTS_TEXT = "jointPartsText";
    public static final String VAR_JOINT_COMPOSER = "jointComposer";
    /** MSG-6, MSG-17: "FIRST", "FINAL" (after an intermediate answer) or "REPLY" (after the author's reply). */
    public static final String VAR_ANSWER_ROUND = "answerRound";
    public static final String VAR_ROUND_STARTED_AT = "roundStartedAt";
    /** Local variable of Task_ScheduleFinalAnswer: 7 working days after the intermediate answer (MSG-17). */
    public static final String VAR_FINAL_ANSWER_DUE = "finalAnswerDue";
    /** MSG-6, MSG-13: the author's reply to a clarification request. */
    public static final String VAR_REPLY_DETECTED_AT = "replyDetectedAt";
    public static final String VAR_REPLY_TEXT = "replyText";
    public static final String VAR_REPLY_URL = "replyUrl";
    /** MSG-23: marked at registration; the moderation form. */
    public static final String VAR_NOT_TO_BE_PROCESSED = "notToBeProcessed";
    public static final String VAR_MODERATION_REASON = "moderationReason";
    public static final String VAR_COMMENT_DELETED = "commentDeleted";
    public static final String VAR_AUTHOR_BLACKLISTED = "authorBlacklisted";
    public static final String VAR_MODERATION_NOTES = "moderationNotes";

    /** MSG-20: the business key of the earlier case this message repeats, as reported or entered. */
    public static final String VAR_REPEAT_OF = "repeatOf";
    /** MSG-20: the earlier case the registration matched, for the specialist to confirm. */
    public static final String VAR_REPEAT_CANDIDATE = "repeatCandidate";
    /** Form field of Task_ConfirmRepeat: "YES" or "NO". */
    public static final String VAR_REPEAT_CONFIRMED = "repeatConfirmed";
    /** MSG-20: the message is a confirmed repeat (Boolean); its answer must state the measures taken. */
    public static final String VAR_IS_REPEAT = "isRepeat";
    /** Text for forms about the earlier case. */
    public static final String VAR_REPEAT_TEXT = "repeatText";
    /** MSG-20: «Принятые меры / ход решения вопроса» of the answer to a repeat. */
    public static final String VAR_MEASURES_TAKEN = "measuresTaken";

    public static final String RECEIPT_RETURN = "RETURN";
    public static final String ROUND_FINAL = "FINAL";
    public static final String ROUND_REPLY = "REPLY";

    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_RETURN = "RETURN";

    /** Each user task (or subprocess) with a deadline, by the step it runs. */
    private static final Map<String, MessageStep> STEP_OF_TASK = Map.of(
            TASK_CLASSIFY, MessageStep.ROUTING,
            TASK_CONFIRM_REPEAT, MessageStep.ROUTING,
            SUBPROCESS_ANSWER, MessageStep.ANSWER,
            TASK_DRAFT, MessageStep.DRAFT,
            TASK_APPROVE, MessageStep.APPROVAL,
            TASK_REWORK, MessageStep.REWORK,
            SUBPROCESS_POSTING, MessageStep.POSTING,
            TASK_REROUTE, MessageStep.REROUTE,
            TASK_PREPARE_PART, MessageStep.PART);

    /** Each warning or escalation service task, by the step whose deadline it watches. */
    private static final Map<String, MessageStep> STEP_OF_WATCHER = Map.ofEntries(
            Map.entry(TASK_WARN_ROUTING, MessageStep.ROUTING), Map.entry(TASK_ESCALATE_ROUTING, MessageStep.ROUTING),
            Map.entry(TASK_WARN_ANSWER, MessageStep.ANSWER), Map.entry(TASK_ESCALATE_ANSWER, MessageStep.ANSWER),
            Map.entry(TASK_WARN_DRAFT, MessageStep.DRAFT), Map.entry(TASK_ESCALATE_DRAFT, MessageStep.DRAFT),
            Map.entry(TASK_WARN_APPROVAL, MessageStep.APPROVAL), Map.entry(TASK_ESCALATE_APPROVAL, MessageStep.APPROVAL),
            Map.entry(TASK_WARN_REWORK, MessageStep.REWORK), Map.entry(TASK_ESCALATE_REWORK, MessageStep.REWORK),
            Map.entry(TASK_WARN_POSTING, MessageStep.POSTING), Map.entry(TASK_ESCALATE_POSTING, MessageStep.POSTING),
            Map.entry(TASK_WARN_REROUTE, MessageStep.REROUTE), Map.entry(TASK_ESCALATE_REROUTE, MessageStep.REROUTE),
            Map.entry(TASK_WARN_PART, MessageStep.PART), Map.entry(TASK_ESCALATE_PART, MessageStep.PART));

    private static final Map<MessageStep, String> TASK_OF_STEP = Map.of(
            MessageStep.ROUTING, TASK_CLASSIFY,
            MessageStep.DRAFT, TASK_DRAFT,
            MessageStep.APPROVAL, TASK_APPROVE,
            MessageStep.REWORK, TASK_REWORK,
            MessageStep.POSTING, TASK_POST,
            MessageStep.REROUTE, TASK_REROUTE,
            MessageStep.PART, TASK_PREPARE_PART);

    private MessageResponseProcess() {
    }

    /** The step a user task (or the answer subprocess) runs under a deadline. */
    public static Optional<MessageStep> stepOfActivity(String activityId) {
        return Optional.ofNullable(STEP_OF_TASK.get(activityId));
    }

    /** The step whose deadline a warning or escalation service task watches. */
    public static Optional<MessageStep> stepOfWatcher(String activityId) {
        return Optional.ofNullable(STEP_OF_WATCHER.get(activityId));
    }

    /** The user task of a step; empty for the answer, which spans the subprocess. */
    public static Optional<String> taskOfStep(MessageStep step) {
        return Optional.ofNullable(TASK_OF_STEP.get(step));
    }
}
