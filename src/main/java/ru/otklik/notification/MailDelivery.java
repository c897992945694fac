package ru.otklik.notification;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Mails stored notifications and keeps the outcome in {@code notification.mail_status}. A failure is recorded
 * as {@link MailStatus#FAILED} with the next attempt's time; {@link #retryDue()} tries again with growing
 * pauses ({@link #BACKOFF}) and, after the last attempt, logs an error and leaves the row {@code FAILED}
 * without a next attempt. (A Cockpit incident needs a job, which a mail is not.) Status updates run in
 * their own transaction, since delivery happens after the notifying transaction has committed.
 */
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    /** Pause before the 2nd, 3rd, … attempt; the number of attempts is one more than its length. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    /** A row still PENDING this long after it was stored lost its after-commit delivery (e.g. a restart). */
    static final Duration PENDING_GRACE = Duration.ofMinutes(10);

    private final TasklistNotifier store;
    private final MailNotifier mail;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public MailDelivery(TasklistNotifier store, MailNotifier mail, JdbcClient jdbc,
                        PlatformTransactionManager transactions) {
        this.store = store;
        this.mail = mail;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public boolean enabled() {
        return mail.enabled();
    }

    /** Marks a freshly stored notification as waiting for mail (inside the notifying transaction). */
    void markPending(long id) {
        jdbc.sql("UPDATE notification SET mail_status = ? WHERE id = ?").params(MailStatus.PENDING.name(), id).update();
    }

    /** Mails the stored notification now. Never throws: a failure is recorded for a retry. */
    public MailStatus deliver(long id) {
        StoredNotification stored;
        int attempts;
        try {
            stored = store.find(id).orElse(null);
            if (stored == null) {
                return null;
            }
            attempts = tx.execute(s -> jdbc.sql("SELECT mail_attempts FROM notification WHERE id = ?")
                    .param(id).query(Integer.class).single()) + 1;
        } catch (RuntimeException e) {
            log.error("Notification {}: cannot read it for mailing", id, e);
            return null;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        try {
            MailNotifier.Outcome outcome = mail.deliver(stored.notification());
            MailStatus status = switch (outcome) {
                case SENT -> MailStatus.SENT;
                case NO_ADDRESS -> MailStatus.NO_ADDRESS;
                case OFF -> MailStatus.NOT_SENT;
            };
            update(id, status, attempts, null, status == MailStatus.SENT ? now : null, null);
            return status;
        } catch (RuntimeException e) {
            String error = String.valueOf(e.getMessage());
            error = error.length() > 990 ? error.substring(0, 990) : error;
            if (attempts > BACKOFF.size()) {
                log.error("Notification {} ({} '{}'): mail failed {} times, giving up; it stays in the table "
                        + "notification with mail_status FAILED", id, stored.kind(), stored.subject(), attempts, e);
                update(id, MailStatus.FAILED, attempts, null, null, error);
            } else {
                Instant next = now.plus(BACKOFF.get(attempts - 1));
                log.warn("Notification {} ({} '{}'): mail attempt {} failed, next at {}: {}", id, stored.kind(),
                        stored.subject(), attempts, next, error);
                update(id, MailStatus.FAILED, attempts, next, null, error);
            }
            return MailStatus.FAILED;
        }
    }

    /** Retries the failed mails that are due, and the pending ones whose after-commit delivery got lost. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void retryDue() {
        if (enabled()) {
            retryDue(ClockUtil.getCurrentTime().toInstant());
        }
    }

    /** @return how many notifications were tried */
    public int retryDue(Instant now) {
        List<Long> due = tx.execute(s -> jdbc.sql("SELECT id FROM notification WHERE (mail_status = ? "
                        + "AND mail_next_attempt_at <= ?) OR (mail_status = ? AND created_at <= ?) ORDER BY id")
                .params(MailStatus.FAILED.name(), utc(now), MailStatus.PENDING.name(), utc(now.minus(PENDING_GRACE)))
                .query(Long.class).list());
        due.forEach(this::deliver);
        return due.size();
    }

    /** The mail status of a stored notification. */
    public MailStatus status(long id) {
        return tx.execute(s -> jdbc.sql("SELECT mail_status FROM notification WHERE id = ?").param(id)
                .query(String.class).optional().map(MailStatus::valueOf).orElse(null));
    }

    private void update(long id, MailStatus status, int attempts, Instant next, Instant sent, String error) {
        try {
            tx.executeWithoutResult(s -> jdbc.sql("UPDATE notification SET mail_status = ?, mail_attempts = ?, "
                            + "mail_next_attempt_at = ?, mail_sent_at = ?, mail_error = ? WHERE id = ?")
                    .params(status.name(), attempts, utc(next), utc(sent), error, id).update());
        } catch (RuntimeException e) {
            log.error("Notification {}: cannot record mail status {}", id, status, e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
