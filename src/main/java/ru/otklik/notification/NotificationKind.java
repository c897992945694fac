package ru.otklik.notification;

/** Why staff are notified. */
public enum NotificationKind {
    /** MSG-24: a deadline is near; goes to whoever holds the task. */
    DEADLINE_WARNING("Срок истекает"),
    /** MSG-24, MSG-27: a deadline was breached; goes to the supervisor and the coordinator. */
    DEADLINE_BREACHED("Срок нарушен"),
    /** MSG-26: a message of elevated importance, reported to the coordinator and the head of the body at once. */
    ELEVATED_IMPORTANCE("Сообщение повышенной важности");

    private final String title;

    NotificationKind(String title) {
        this.title = title;
    }

    /** The Russian label staff read. */
    public String title() {
        return title;
    }
}
