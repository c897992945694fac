package ru.otklik.report;

import java.time.Instant;

/**
 * One breach recorded in the period, as the coordinator decides on it (MSG-27).
 *
 * @param source MESSAGE ({@code message_violation}), ACCOUNT ({@code account_violation}) or CONTENT
 *               ({@code content_violation})
 */
public record ViolationItem(String source, long id, Instant recordedAt, String responsible, String ruleId,
                            String subject) {
}
