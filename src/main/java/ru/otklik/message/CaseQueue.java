package ru.otklik.message;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

import static ru.otklik.message.MessageRegistry.utc;

/**
 * MSG-8: the registered messages whose case is still to be started (table {@code message_case_queue}). A message
 * enters it in the transaction that registers it, and leaves it in the transaction that starts its case, so a
 * message is never without either.
 */
@Repository
class CaseQueue {

    /** A message waiting for its case; {@code repeatOf} as reported (MSG-20). */
    record Queued(long messageId, String repeatOf, int attempts) {
    }

    private final JdbcClient jdbc;

    CaseQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long messageId, String repeatOf, Instant now) {
        jdbc.sql("INSERT INTO message_case_queue (message_id, repeat_of, queued_at, next_attempt_at) VALUES (?, ?, ?, ?)")
                .params(messageId, repeatOf == null || repeatOf.isBlank() ? null : repeatOf.trim(), utc(now), utc(now))
                .update();
    }

    /** Up to {@code limit} messages whose start is due, oldest first. */
    List<Queued> due(Instant now, int limit) {
        return jdbc.sql("SELECT message_id, repeat_of, attempts FROM message_case_queue WHERE next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, queued_at, message_id LIMIT ?")
                .params(utc(now), limit)
                .query((rs, n) -> new Queued(rs.getLong("message_id"), rs.getString("repeat_of"), rs.getInt("attempts")))
                .list();
    }

    /**
     * Takes the message out of the queue in the caller's transaction; its row stays locked until that commits. A
     * message another node (or thread) is starting right now is passed over, not waited for: otherwise starters
     * reading the same oldest messages would start them one at a time, each waiting for the other's whole case start.
     * @return false when another starter holds it or has taken it already
     */
    boolean take(long messageId) {
        boolean free = !jdbc.sql("SELECT message_id FROM message_case_queue WHERE message_id = ? FOR UPDATE SKIP LOCKED")
                .param(messageId).query(Long.class).list().isEmpty();
        return free && jdbc.sql("DELETE FROM message_case_queue WHERE message_id = ?").param(messageId).update() == 1;
    }

    void failed(long messageId, String failure, Instant nextAttempt) {
        jdbc.sql("UPDATE message_case_queue SET attempts = attempts + 1, last_failure = ?, next_attempt_at = ? "
                        + "WHERE message_id = ?")
                .params(failure == null ? null : failure.substring(0, Math.min(failure.length(), 2000)),
                        utc(nextAttempt), messageId)
                .update();
    }

    long size() {
        return jdbc.sql("SELECT COUNT(*) FROM message_case_queue").query(Long.class).single();
    }
}
