package ru.otklik.account;

import java.time.Instant;

/** A change of an account: who, what, when, the old and new values as JSON objects, the rule. */
public record AccountAuditEvent(long id, long accountId, String actor, String action, Instant occurredAt,
                                String ruleId, String oldValues, String newValues, String details) {
}
