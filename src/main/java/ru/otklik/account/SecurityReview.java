package ru.otklik.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** ACC-3: a security review of one account and what it found. */
public record SecurityReview(long id, long accountId, String organization, String status, Instant requestedAt,
                             Instant dueAt, Instant completedAt, String reviewer, Boolean twoFactorEnabled,
                             Boolean administratorsConfirmed, LocalDate credentialsRotatedOn, boolean overdue,
                             String processInstanceId, List<Finding> findings) {

    public static final String OPEN = "OPEN";
    public static final String COMPLETED = "COMPLETED";

    public SecurityReview {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** A finding of a review. */
    public record Finding(long id, FindingKind kind, String ruleId, String details, Instant recordedAt) {
    }

    /** What a security review can find (ACC-3). */
    public enum FindingKind {
        TWO_FACTOR_OFF("двухфакторная аутентификация не включена"),
        ADMINISTRATORS_UNCONFIRMED("список администраторов не подтверждён"),
        CREDENTIALS_STALE("пароль давно не менялся"),
        OTHER("иное замечание");

        private final String title;

        FindingKind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
