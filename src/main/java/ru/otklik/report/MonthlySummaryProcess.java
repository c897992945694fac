package ru.otklik.report;

import java.util.Map;

/** Names in {@code bpmn/MonthlySummary.bpmn}, shared by the delegates and the tests. */
public final class MonthlySummaryProcess {

    public static final String PROCESS_KEY = "MonthlySummary";
    /** Starts one organization's summary of one month (business key {@code zags-2026-10}). */
    public static final String MESSAGE_SUMMARY_DUE = "MonthlySummaryDue";

    public static final String START_DAILY = "StartEvent_DailyCheck";
    public static final String TASK_START_SUMMARIES = "Task_StartDueSummaries";
    public static final String END_SUMMARIES_STARTED = "EndEvent_SummariesStarted";
    public static final String START_SUMMARY_DUE = "StartEvent_SummaryDue";
    public static final String TASK_COMPILE = "Task_CompileSummary";
    public static final String TASK_REVIEW = "Task_ReviewSummary";
    public static final String TASK_DECIDE = "Task_DecideMeasures";
    public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeSummary";
    public static final String END_ACKNOWLEDGED = "EndEvent_SummaryAcknowledged";

    public static final String BOUNDARY_REVIEW_WARNING = "BoundaryEvent_ReviewWarning";
    public static final String BOUNDARY_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String BOUNDARY_DECIDE_WARNING = "BoundaryEvent_DecisionWarning";
    public static final String BOUNDARY_DECIDE_OVERDUE = "BoundaryEvent_DecisionOverdue";
    public static final String BOUNDARY_ACKNOWLEDGE_WARNING = "BoundaryEvent_AcknowledgementWarning";
    public static final String BOUNDARY_ACKNOWLEDGE_OVERDUE = "BoundaryEvent_AcknowledgementOverdue";

    public static final String VAR_ORGANIZATION = "organization";
    /** The month summarized, {@code yyyy-MM}. */
    public static final String VAR_MONTH = "month";
    public static final String VAR_MONTH_TITLE = "monthTitle";
    public static final String VAR_SUMMARY_ID = "summaryId";
    /** The summary page, linked from every task's form. */
    public static final String VAR_SUMMARY_URL = "summaryUrl";
    public static final String VAR_HEADLINE = "headline";
    public static final String VAR_VIOLATIONS = "violations";
    public static final String VAR_REMARKS = "remarks";
    /** MSG-27: one line per violation, "N. … — measure", prefilled with «меры не предлагаются». */
    public static final String VAR_DECISIONS = "decisions";
    public static final String VAR_COORDINATOR_REPORT = "coordinatorReport";
    public static final String VAR_HEAD_NOTES = "headNotes";

    /** The watching service tasks and the user task each watches. */
    static final Map<String, String> WATCHED = Map.of(
            "Task_WarnReview", TASK_REVIEW, "Task_EscalateReview", TASK_REVIEW,
            "Task_WarnDecision", TASK_DECIDE, "Task_EscalateDecision", TASK_DECIDE,
            "Task_WarnAcknowledgement", TASK_ACKNOWLEDGE, "Task_EscalateAcknowledgement", TASK_ACKNOWLEDGE);

    private MonthlySummaryProcess() {
    }
}
