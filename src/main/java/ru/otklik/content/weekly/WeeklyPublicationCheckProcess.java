package ru.otklik.content.weekly;

/** Names in {@code bpmn/WeeklyPublicationCheck.bpmn}, shared by the delegates and the tests. */
public final class WeeklyPublicationCheckProcess {

    public static final String PROCESS_KEY = "WeeklyPublicationCheck";

    public static final String START_WEEK_ENDED = "StartEvent_WeekEnded";
    public static final String TASK_CHECK_WEEK = "Task_CheckWeek";
    public static final String END_WEEK_CHECKED = "EndEvent_WeekChecked";
    public static final String START_SHORTFALL = "StartEvent_ShortfallFound";
    public static final String TASK_EXPLAIN = "Task_ExplainShortfall";
    public static final String END_EXPLAINED = "EndEvent_ShortfallExplained";

    /** Starts the account manager's explanation in the account's tenant. */
    public static final String MESSAGE_SHORTFALL = "WeeklyPublicationShortfall";

    public static final String VAR_ORGANIZATION = "organization";
    public static final String VAR_RESULT_ID = "weeklyCheckResultId";
    public static final String VAR_ACCOUNT_ID = "accountId";
    public static final String VAR_ACCOUNT_NAME = "accountName";
    public static final String VAR_ACCOUNT_URL = "accountUrl";
    public static final String VAR_WEEK = "week";
    public static final String VAR_CHECKED_AT = "checkedAt";
    public static final String VAR_FINDINGS = "findings";
    /** Optional on a manual start: the Monday (yyyy-MM-dd) of the week to check instead of the past one. */
    public static final String VAR_WEEK_START = "weekStart";
    public static final String VAR_EXPLANATION = "explanation";
    public static final String VAR_PLAN = "plan";

    private WeeklyPublicationCheckProcess() {
    }
}
