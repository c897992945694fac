package ru.otklik.account;

/** What an audit event of the registry of accounts records (column {@code account_audit.action}). */
public final class AccountActions {

    /** ACC-2: a creation was requested; the entry is planned. */
    public static final String REQUESTED = "request";
    /** ACC-2, ACC-17: an existing account entered by the initial import. */
    public static final String IMPORTED = "import";
    /** ACC-2: the registry keeper approved a request. */
    public static final String APPROVED = "approval";
    /** ACC-2: the registry keeper rejected a request. */
    public static final String REJECTED = "rejection";
    /** ACC-2, ACC-9, ACC-16: created, described and designed; active and public. */
    public static final String ACTIVATED = "activation";
    /** A deletion was requested. */
    public static final String DELETION_REQUESTED = "deletion-request";
    /** ACC-2: the case of a request ended without a decision (cancelled in Cockpit). */
    public static final String CANCELLED = "cancellation";
    /** ACC-4: deleted in the network. */
    public static final String DELETED = "deletion";
    /** ACC-14: a change of details was requested. */
    public static final String CHANGE_REQUESTED = "change-request";
    /** ACC-14: details changed (URL, name, administrators, blocked by the network). */
    public static final String CHANGED = "change";
    /** ACC-4: reported to the recipient. */
    public static final String REPORTED = "report";
    /** ACC-4: the report term passed. */
    public static final String REPORT_OVERDUE = "report-overdue";
    /** ACC-13: entered in the consolidated registry by the media directorate. */
    public static final String CONSOLIDATED = "consolidation";
    /** ACC-3: a security review was completed. */
    public static final String REVIEWED = "security-review";
    /** ACC-3: a security review was not completed in time. */
    public static final String REVIEW_OVERDUE = "review-overdue";

    private AccountActions() {
    }
}
