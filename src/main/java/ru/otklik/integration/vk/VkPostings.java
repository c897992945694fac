package ru.otklik.integration.vk;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The table {@code vk_posting}: what was sent to VK for each posting round, written in transactions of its
 * own, so that it survives the rollback of a failed attempt and the next attempt knows what happened.
 */
@Repository
class VkPostings {

    /**
     * SENDING: VK was called and its answer is not known (a timeout); FAILED: VK refused the last call, so the
     * answer is not there; POSTED: VK returned (or showed) the posted item.
     */
    enum Status { SENDING, FAILED, POSTED }

    /**
     * A posting round as recorded before this attempt.
     *
     * @param previous what the earlier attempt left, {@code null} for the first attempt
     */
    record Posting(long id, Status previous, String url, Instant postedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    VkPostings(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an attempt of the round (the first one creates the row) before VK is called. */
    Posting attempt(String key, long messageId, long groupId, String method) {
        return separate.execute(tx -> {
            Posting before = jdbc.sql("SELECT id, status, url, posted_at FROM vk_posting WHERE posting_key = ?")
                    .param(key)
                    .query((rs, n) -> new Posting(rs.getLong(1), Status.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class) == null ? null
                                    : rs.getObject(4, OffsetDateTime.class).toInstant()))
                    .optional().orElse(null);
            if (before != null) {
                if (before.previous() != Status.POSTED) {
                    jdbc.sql("UPDATE vk_posting SET attempts = attempts + 1, status = 'SENDING', updated_at = ? WHERE id = ?")
                            .param(now()).param(before.id()).update();
                }
                return before;
            }
            try {
                jdbc.sql("""
                                INSERT INTO vk_posting (posting_key, message_id, group_id, method, status, attempts,
                                    created_at, updated_at)
                                VALUES (:key, :messageId, :groupId, :method, 'SENDING', 1, :now, :now)""")
                        .param("key", key).param("messageId", messageId).param("groupId", groupId)
                        .param("method", method).param("now", now()).update();
            } catch (DuplicateKeyException e) {
                throw new IllegalStateException("Posting " + key + " is being attempted concurrently", e);
            }
            long id = jdbc.sql("SELECT id FROM vk_posting WHERE posting_key = ?").param(key).query(Long.class).single();
            return new Posting(id, null, null, null);
        });
    }

    void posted(long id, long itemId, String url, Instant at) {
        separate.executeWithoutResult(tx -> jdbc.sql("""
                        UPDATE vk_posting SET status = 'POSTED', item_id = :itemId, url = :url, posted_at = :at,
                            last_error = NULL, updated_at = :now WHERE id = :id""")
                .param("itemId", itemId).param("url", url)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("now", now()).param("id", id)
                .update());
    }

    /**
     * @param refused VK answered with an error, so nothing was posted; otherwise the outcome stays unknown and
     *                the next attempt looks before posting
     */
    void failed(long id, String error, boolean refused) {
        String text = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        separate.executeWithoutResult(tx -> jdbc.sql("UPDATE vk_posting SET last_error = ?, status = ?, updated_at = ? WHERE id = ?")
                .param(text).param((refused ? Status.FAILED : Status.SENDING).name()).param(now()).param(id).update());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
    }
}
