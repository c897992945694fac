package ru.otklik.message;

import java.time.Instant;

/**
 * An entry of the journal of a message: who did which step when, under which rule — the registry's
 * «под подпись» record of MSG-8 and MSG-9.
 */
public record MessageEvent(String step, String actor, Instant occurredAt, String ruleId, String details) {
}
