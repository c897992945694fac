package ru.otklik.content.moderation;

/** ACC-10: what was done: the comment deleted, the author blacklisted, or both. */
public enum ModerationAction {

    DELETED("комментарий удалён", true, false),
    AUTHOR_BLACKLISTED("автор внесён в чёрный список", false, true),
    DELETED_AND_BLACKLISTED("комментарий удалён, автор внесён в чёрный список", true, true);

    private final String title;
    private final boolean deleted;
    private final boolean blacklisted;

    ModerationAction(String title, boolean deleted, boolean blacklisted) {
        this.title = title;
        this.deleted = deleted;
        this.blacklisted = blacklisted;
    }

    public String title() {
        return title;
    }

    public boolean deleted() {
        return deleted;
    }

    public boolean blacklisted() {
        return blacklisted;
    }

    /** The action of both marks; {@code null} when neither is set. */
    public static ModerationAction of(boolean deleted, boolean blacklisted) {
        if (deleted && blacklisted) {
            return DELETED_AND_BLACKLISTED;
        }
        return deleted ? DELETED : blacklisted ? AUTHOR_BLACKLISTED : null;
    }
}
