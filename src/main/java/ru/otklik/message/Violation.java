package ru.otklik.message;

import java.time.Instant;

/** A breached deadline, attributed to the person responsible (MSG-24, MSG-27). */
public record Violation(String step, String ruleId, String responsibleUser, Instant dueAt, Instant actualAt) {
}
