package ru.otklik.account;

/**
 * Names in {@code bpmn/AccountSecurityReview.bpmn}: the process key, element ids, variables and the message,
 * shared by the delegates and the tests.
 */
public final class AccountSecurityReviewProcess {

    public static final String PROCESS_KEY = "AccountSecurityReview";

    // ---- the periodic schedule ----
    public static final String START_CYCLE = "StartEvent_ReviewCycle";
    public static final String TASK_SCHEDULE_REVIEWS = "Task_ScheduleReviews";
    public static final String END_SCHEDULED = "EndEvent_ReviewsScheduled";

    // ---- the review of one account ----
    public static final String START_REVIEW_REQUESTED = "StartEvent_ReviewRequested";
    public static final String TASK_OPEN_REVIEW = "Task_OpenReview";
    public static final String TASK_REVIEW = "Task_ReviewSecurity";
    public static final String BOUNDARY_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String TASK_ESCALATE_REVIEW = "Task_EscalateReview";
    public static final String END_REVIEW_ESCALATED = "EndEvent_ReviewEscalated";
    public static final String GATEWAY_FINDINGS = "Gateway_FindingsFound";
    public static final String END_PASSED = "EndEvent_ReviewPassed";
    public static final String END_FINDINGS = "EndEvent_FindingsRecorded";

    /** Starts the review of one account in its organization's tenant. */
    public static final String MESSAGE_REVIEW_REQUESTED = "AccountSecurityReviewRequested";

    // ---- variables ----
    public static final String VAR_ORGANIZATION = AccountLifecycleProcess.VAR_ORGANIZATION;
    public static final String VAR_ACCOUNT_ID = AccountLifecycleProcess.VAR_ACCOUNT_ID;
    public static final String VAR_REVIEW_ID = "reviewId";
    public static final String VAR_REVIEW_REQUESTED_AT = "reviewRequestedAt";
    public static final String VAR_NETWORK_TITLE = AccountLifecycleProcess.VAR_NETWORK_TITLE;
    public static final String VAR_URL = AccountLifecycleProcess.VAR_URL;
    public static final String VAR_DISPLAY_NAME = AccountLifecycleProcess.VAR_DISPLAY_NAME;
    public static final String VAR_SECURITY_OWNER = "securityOwner";
    /** Form fields (prefilled from the registry, confirmed or corrected by the security owner). */
    public static final String VAR_TWO_FACTOR_ENABLED = "twoFactorEnabled";
    public static final String VAR_ADMINISTRATORS = "administrators";
    public static final String VAR_ADMINISTRATORS_CONFIRMED = "administratorsConfirmed";
    public static final String VAR_CREDENTIALS_ROTATED_ON = "credentialsRotatedOn";
    public static final String VAR_REMARKS = "remarks";
    public static final String VAR_FINDINGS_COUNT = "findingsCount";

    private AccountSecurityReviewProcess() {
    }
}
