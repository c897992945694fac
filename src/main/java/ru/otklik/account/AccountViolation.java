package ru.otklik.account;

import java.time.Instant;

/** A breached term of the account duties, attributed to whoever was responsible. */
public record AccountViolation(long id, long accountId, String organization, Kind kind, String ruleId,
                               String responsible, Instant dueAt, Instant recordedAt) {

    public enum Kind {
        /** ACC-4: a created or deleted account was not reported in time. */
        REPORT_OVERDUE,
        /** ACC-3: a security review was not completed in time. */
        REVIEW_OVERDUE
    }
}
