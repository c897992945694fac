package ru.otklik.account;

/**
 * Names in {@code bpmn/AccountLifecycle.bpmn}: the process key, element ids, variables and the message,
 * shared by the delegates and the tests.
 */
public final class AccountLifecycleProcess {

    public static final String PROCESS_KEY = "AccountLifecycle";

    // ---- the organization's request ----
    public static final String START_REQUESTED = "StartEvent_AccountRequested";
    public static final String TASK_REGISTER_REQUEST = "Task_RegisterRequest";
    public static final String TASK_REVIEW_REQUEST = "Task_ReviewRequest";
    public static final String GATEWAY_APPROVED = "Gateway_RequestApproved";
    public static final String TASK_REJECT_REQUEST = "Task_RejectRequest";
    public static final String END_REJECTED = "EndEvent_RequestRejected";
    public static final String GATEWAY_KIND = "Gateway_RequestKind";
    public static final String TASK_SET_UP = "Task_SetUpAccount";
    public static final String TASK_ACTIVATE = "Task_ActivateAccount";
    public static final String TASK_DELETE = "Task_DeleteAccount";
    public static final String TASK_REGISTER_DELETION = "Task_RegisterDeletion";
    public static final String TASK_CHANGE = "Task_ChangeAccount";
    public static final String TASK_REGISTER_CHANGE = "Task_RegisterChange";
    public static final String GATEWAY_REPORT_MERGE = "Gateway_ReportMerge";
    public static final String GATEWAY_REPORT_REQUIRED = "Gateway_ReportRequired";
    public static final String END_NO_REPORT = "EndEvent_NoReportRequired";
    public static final String TASK_REPORT = "Task_ReportAccount";
    public static final String BOUNDARY_REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    public static final String TASK_ESCALATE_REPORT = "Task_EscalateReport";
    public static final String END_REPORT_ESCALATED = "EndEvent_ReportEscalated";
    public static final String GATEWAY_FORWARD_MERGE = "Gateway_ForwardMerge";
    public static final String GATEWAY_RECIPIENT_IN_SYSTEM = "Gateway_RecipientInSystem";
    public static final String TASK_FORWARD_REPORT = "Task_ForwardReport";
    public static final String END_FORWARDED = "EndEvent_ReportForwarded";
    public static final String END_REPORTED_OUTSIDE = "EndEvent_ReportedOutside";

    // ---- the recipient's side (ACC-13), started by the message ----
    public static final String START_REPORTED = "StartEvent_AccountReported";
    public static final String TASK_RECEIVE_REPORT = "Task_ReceiveReport";
    public static final String TASK_ENTER_CONSOLIDATED = "Task_EnterConsolidatedRegistry";
    public static final String END_CONSOLIDATED = "EndEvent_ConsolidatedRegistryUpdated";

    /** Starts the recipient's side of the process in the recipient's tenant (ACC-13). */
    public static final String MESSAGE_ACCOUNT_REPORTED = "AccountReported";

    // ---- variables ----
    /** The tenant id; read by the tenant id provider when the instance starts. */
    public static final String VAR_ORGANIZATION = "organization";
    public static final String VAR_ORGANIZATION_NAME = "organizationName";
    public static final String VAR_ACCOUNT_ID = "accountId";
    /** {@link RequestKind}: CREATE, DELETE or CHANGE. */
    public static final String VAR_REQUEST_KIND = "requestKind";
    public static final String VAR_REQUEST_KIND_TITLE = "requestKindTitle";
    /** Who asked, set by the REST API; a Tasklist start sets {@link #VAR_STARTED_BY} (the start initiator). */
    public static final String VAR_REQUESTED_BY = "requestedBy";
    public static final String VAR_STARTED_BY = "startedBy";
    public static final String VAR_NETWORK = "network";
    public static final String VAR_NETWORK_TITLE = "networkTitle";
    public static final String VAR_URL = "url";
    public static final String VAR_DISPLAY_NAME = "displayName";
    public static final String VAR_EXTERNAL_ID = "externalId";
    public static final String VAR_PURPOSE = "purpose";
    public static final String VAR_REASON = "reason";
    /** Requested changes (CHANGE): the new values; blank keeps the old. */
    public static final String VAR_NEW_URL = "newUrl";
    public static final String VAR_NEW_DISPLAY_NAME = "newDisplayName";
    public static final String VAR_NEW_EXTERNAL_ID = "newExternalId";
    public static final String VAR_NEW_PURPOSE = "newPurpose";
    public static final String VAR_NEW_ADMINISTRATORS = "newAdministrators";
    /** "BLOCKED", "ACTIVE" or blank: the network blocked or unblocked the account. */
    public static final String VAR_NEW_STATUS = "newStatus";
    public static final String VAR_CHANGE_SUMMARY = "changeSummary";
    /** The registry keeper's decision (ACC-2): APPROVE or REJECT, with a comment. */
    public static final String VAR_DECISION = "decision";
    public static final String VAR_DECISION_COMMENT = "decisionComment";
    /** Set up (ACC-9, ACC-3) by the account manager. */
    public static final String VAR_CREATED_ON = "createdOn";
    public static final String VAR_TEXT_DESCRIPTION = "textDescription";
    public static final String VAR_DESIGNED_VISUALS = "designedVisuals";
    public static final String VAR_OFFICIAL_PAGE = "officialPage";
    public static final String VAR_TWO_FACTOR_ENABLED = "twoFactorEnabled";
    public static final String VAR_ADMINISTRATORS = "administrators";
    public static final String VAR_DELETED_ON = "deletedOn";
    /** ACC-4 from the organization's policy file, set when the request is registered. */
    public static final String VAR_REPORT_RECIPIENT = "reportRecipient";
    public static final String VAR_RECIPIENT_ORG = "recipientOrg";
    public static final String VAR_REPORT_TERM_KIND = "reportTermKind";
    public static final String VAR_REPORT_TERM_DAYS = "reportTermDays";
    public static final String VAR_REPORT_TERM_TEXT = "reportTermText";
    /** Whether the organization reports created and deleted accounts at all (not the recipient itself). */
    public static final String VAR_REPORT_REQUIRED = "reportRequired";
    /** Whether the recipient keeps its consolidated registry in this system (a tenant other than the reporter). */
    public static final String VAR_RECIPIENT_IN_SYSTEM = "recipientInSystem";
    /** ACC-4: the date the term runs from (creation or deletion), ISO yyyy-MM-dd. */
    public static final String VAR_REPORT_FROM = "reportFrom";
    public static final String VAR_REPORT_ID = "reportId";
    public static final String VAR_REPORT_KIND = "reportKind";
    public static final String VAR_REPORT_KIND_TITLE = "reportKindTitle";
    public static final String VAR_REPORT_DUE_TEXT = "reportDueText";
    public static final String VAR_REPORT_REFERENCE = "reportReference";
    /** On the recipient's side: the reporting organization. */
    public static final String VAR_REPORTING_ORGANIZATION = "reportingOrganization";
    public static final String VAR_REPORTING_ORGANIZATION_NAME = "reportingOrganizationName";
    public static final String VAR_EVENT_ON_TEXT = "eventOnText";
    /** On the recipient's side: the account's status as the registry has it. */
    public static final String VAR_STATUS_TITLE = "statusTitle";

    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_REJECT = "REJECT";

    /** What an organization asks for. */
    public enum RequestKind {
        CREATE("создание аккаунта"), DELETE("удаление аккаунта"), CHANGE("изменение сведений об аккаунте");

        private final String title;

        RequestKind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private AccountLifecycleProcess() {
    }
}
