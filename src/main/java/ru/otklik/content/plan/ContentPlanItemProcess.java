package ru.otklik.content.plan;

/** Names in {@code bpmn/ContentPlanItem.bpmn}, shared by the service, the delegates and the tests. */
public final class ContentPlanItemProcess {

    public static final String PROCESS_KEY = "ContentPlanItem";

    public static final String START_PLANNED = "StartEvent_ItemPlanned";
    public static final String TIMER_REMINDER = "TimerEvent_ReminderDue";
    public static final String TASK_CHECK_ITEM = "Task_CheckPlanItem";
    public static final String GATEWAY_ITEM_OPEN = "Gateway_ItemOpen";
    public static final String TASK_PUBLISH = "Task_PublishPlannedItem";
    public static final String END_REMINDED = "EndEvent_ReminderHandled";
    public static final String END_ALREADY_PUBLISHED = "EndEvent_AlreadyPublished";

    public static final String VAR_ORGANIZATION = "organization";
    public static final String VAR_PLAN_ITEM_ID = "planItemId";
    public static final String VAR_PLANNED_AT = "plannedAt";
    public static final String VAR_RESPONSIBLE = "responsible";
    public static final String VAR_TOPIC = "topic";
    public static final String VAR_FORMAT_TITLE = "formatTitle";
    public static final String VAR_ACCOUNT_NAME = "accountName";
    public static final String VAR_ACCOUNT_URL = "accountUrl";
    public static final String VAR_PLANNED_AT_TEXT = "plannedAtText";
    public static final String VAR_ITEM_OPEN = "itemOpen";

    private ContentPlanItemProcess() {
    }
}
