package ru.otklik.retention;

import java.time.Instant;
import java.time.Period;

/**
 * What one run of the anonymisation did (a row of {@code retention_run}).
 *
 * @param endedBefore      cases that ended before this instant lost their authors' data
 * @param messages         registry entries anonymised
 * @param journalEntries   journal entries (message_event) that quoted the author and were blanked
 * @param notifications    stored notifications that quoted the author and were blanked
 * @param moderationEntries moderation log entries anonymised (of those messages, and of comments on accounts)
 * @param processVariables historic process variables with the author's data deleted from Camunda history
 */
public record RetentionRun(long id, Instant startedAt, Instant finishedAt, String triggeredBy, Period period,
                           Instant endedBefore, int messages, int journalEntries, int notifications,
                           int moderationEntries, int processVariables) {
}
