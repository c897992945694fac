package ru.otklik.content.publication;

/** ACC-8: an own publication or an unchanged repost with its source. */
public enum PublicationKind {
    ORIGINAL("собственная публикация"),
    REPOST("репост");

    private final String title;

    PublicationKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
