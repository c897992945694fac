package ru.otklik.content.approval;

/** ACC-15: what ЦУР Кузбасса submits to the ministry. */
public enum ContentApprovalKind {
    /** Operational content: agreed within 4 calendar hours. */
    OPERATIONAL("оперативный материал"),
    /** A special project: agreed within 3 working days. */
    SPECIAL_PROJECT("спецпроект"),
    /** ЦУР's request for information: supplied within 4 hours when urgent, else 3 working days. */
    INFORMATION_REQUEST("запрос информации");

    private final String title;

    ContentApprovalKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
