package ru.otklik.content.plan;

/** ACC-6: where a planned publication stands. */
public enum PlanItemStatus {
    PLANNED("запланирована"),
    /** A publication of the same account, day and topic or format was logged. */
    DONE("опубликована"),
    /** Its week passed without a matching publication; flagged by the weekly check. */
    MISSED("не опубликована");

    private final String title;

    PlanItemStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
