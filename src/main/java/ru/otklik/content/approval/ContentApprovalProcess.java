package ru.otklik.content.approval;

/** Names in {@code bpmn/ContentApproval.bpmn}, shared by the delegates and the tests. */
public final class ContentApprovalProcess {

    public static final String PROCESS_KEY = "ContentApproval";

    public static final String START_SUBMITTED = "StartEvent_ContentSubmitted";
    public static final String TASK_REGISTER = "Task_RegisterSubmission";
    public static final String GATEWAY_REQUEST_KIND = "Gateway_InformationRequested";
    public static final String GATEWAY_REVIEW_MERGE = "Gateway_ReviewMerge";
    public static final String TASK_REVIEW = "Task_ReviewContent";
    public static final String BOUNDARY_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String TASK_RECORD_REVIEW_VIOLATION = "Task_RecordReviewViolation";
    public static final String END_REVIEW_VIOLATION = "EndEvent_ReviewViolationRecorded";
    public static final String GATEWAY_AGREED = "Gateway_ContentAgreed";
    public static final String END_AGREED = "EndEvent_ContentAgreed";
    public static final String TASK_REVISE = "Task_EnterRevisedContent";
    public static final String TASK_SUPPLY = "Task_SupplyInformation";
    public static final String BOUNDARY_SUPPLY_OVERDUE = "BoundaryEvent_InformationOverdue";
    public static final String TASK_RECORD_SUPPLY_VIOLATION = "Task_RecordInformationViolation";
    public static final String END_SUPPLY_VIOLATION = "EndEvent_InformationViolationRecorded";
    public static final String END_SUPPLIED = "EndEvent_InformationSupplied";

    public static final String VAR_ORGANIZATION = "organization";
    public static final String VAR_APPROVAL_ID = "approvalId";
    /** OPERATIONAL, SPECIAL_PROJECT or INFORMATION_REQUEST ({@link ContentApprovalKind}). */
    public static final String VAR_KIND = "kind";
    public static final String VAR_KIND_TITLE = "kindTitle";
    /** Whether the answer is due in 4 calendar hours (operational) rather than 3 working days. */
    public static final String VAR_OPERATIONAL = "operational";
    /** For an information request from the start form: answer within 4 hours. */
    public static final String VAR_URGENT = "urgent";
    public static final String VAR_TITLE = "title";
    public static final String VAR_CONTENT = "content";
    public static final String VAR_SUBMITTED_BY = "submittedBy";
    /** When the current round's material reached the ministry; the deadline counts from here. */
    public static final String VAR_ROUND_STARTED_AT = "roundStartedAt";
    public static final String VAR_ROUND = "round";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_REMARKS = "remarks";
    public static final String VAR_STYLE_SUMMARY = "styleSummary";
    public static final String VAR_STYLE_WARNINGS = "styleWarnings";
    public static final String VAR_ANSWER = "answer";
    public static final String VAR_REVISED_CONTENT = "revisedContent";

    public static final String DECISION_AGREED = "AGREED";
    public static final String DECISION_REMARKS = "REMARKS";

    private ContentApprovalProcess() {
    }
}
