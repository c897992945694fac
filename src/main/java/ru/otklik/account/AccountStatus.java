package ru.otklik.account;

/** Where an account stands in the registry of accounts (ACC-2). */
public enum AccountStatus {
    /** Requested, not yet created in the network. */
    PLANNED("планируется"),
    /** Exists in the network; shown in the public registry (ACC-5, ACC-16). */
    ACTIVE("действует"),
    /** Deleted in the network (ACC-4). */
    DELETED("удалён"),
    /** Blocked by the network. */
    BLOCKED("заблокирован социальной сетью"),
    /** The creation request was not approved by the registry keeper (ACC-2). */
    REJECTED("заявка отклонена");

    private final String title;

    AccountStatus(String title) {
        this.title = title;
    }

    /** The Russian label staff read. */
    public String title() {
        return title;
    }

    /** Whether the account holds its URL (one URL is registered once). */
    public boolean live() {
        return this == PLANNED || this == ACTIVE || this == BLOCKED;
    }
}
