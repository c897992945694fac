package ru.otklik.retention;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.calendar.WorkSchedule;
import ru.otklik.message.MessageEvents;
import ru.otklik.message.MessageStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * Anonymises the personal data of message authors once the retention period has passed since the case ended
 * (152-FZ art. 5 part 7: personal data are kept no longer than their purpose requires). The author's name and
 * id become «обезличено», the post's text too, its link and network id are dropped; every journal entry,
 * notification and moderation log entry that quotes them is blanked the same way, and the author's variables
 * are deleted from the Camunda history of the case. Topic, place, dates, statuses, importance, departments,
 * deadlines and violations stay, so the monthly figures do not change. Blacklists keep the author's network id
 * (their purpose, ACC-10, lasts as long as the entry).
 *
 * <p>A case has ended when its entry has a final status (answered, not processed, cancelled) and its process
 * instance no longer runs; it ended at the last change of the entry or its journal. Comments moderated on the
 * organization's accounts (no registry entry) count from their moderation. Idempotent: each row is marked
 * {@code anonymised_at} and never selected again. Runs in batches of {@code otklik.retention.batch-size}, each
 * a transaction of its own, under a ShedLock lock so that one node at a time runs it.
 */
@Service
public class AuthorDataRetention {

    private static final Logger log = LoggerFactory.getLogger(AuthorDataRetention.class);
    static final String LOCK = "author-data-retention";
    /** Process variables of {@code MessageResponse} that hold the author's data. */
    static final List<String> AUTHOR_VARIABLES = List.of(VAR_AUTHOR_NAME, VAR_AUTHOR_ID, VAR_TEXT, VAR_URL,
            VAR_EXTERNAL_ID, VAR_REPLY_TEXT, VAR_REPLY_URL, VAR_REPEAT_TEXT);
    private static final String FINAL_STATUSES = List.of(MessageStatus.ANSWERED, MessageStatus.NOT_PROCESSED,
            MessageStatus.CANCELLED).stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final HistoryService history;
    private final LockingTaskExecutor locks;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;

    AuthorDataRetention(JdbcClient jdbc, HistoryService history, LockingTaskExecutor locks,
                        RetentionProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.history = history;
        this.locks = locks;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Runs the anonymisation now (engine clock) and records the run.
     *
     * @param triggeredBy the user who asked, or {@code schedule}
     * @return the run, or empty when another node (or request) is running it at the moment
     */
    public Optional<RetentionRun> run(String triggeredBy) {
        return run(triggeredBy, Duration.ZERO);
    }

    /**
     * As {@link #run(String)}, keeping the lock at least {@code holdAtLeast}: the nightly run holds it for a
     * while, so that a node whose clock is a little behind does not run the job a second time.
     */
    Optional<RetentionRun> run(String triggeredBy, Duration holdAtLeast) {
        try {
            LockingTaskExecutor.TaskResult<RetentionRun> result = locks.executeWithLock(
                    () -> runLocked(triggeredBy),
                    new LockConfiguration(Instant.now(), LOCK, Duration.ofHours(2), holdAtLeast));
            return Optional.ofNullable(result.getResult());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private RetentionRun runLocked(String triggeredBy) {
        Instant startedAt = ClockUtil.getCurrentTime().toInstant();
        Instant endedBefore = startedAt.atZone(WorkSchedule.DEFAULT_ZONE).minus(properties.authorData()).toInstant();
        Counts counts = new Counts();
        while (Boolean.TRUE.equals(transaction.execute(status -> messageBatch(endedBefore, startedAt, counts)))) {
            // next batch
        }
        while (Boolean.TRUE.equals(transaction.execute(status -> accountModerationBatch(endedBefore, startedAt, counts)))) {
            // next batch
        }
        Instant finishedAt = ClockUtil.getCurrentTime().toInstant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO retention_run (started_at, finished_at, triggered_by, period, ended_before, messages, "
                        + "journal_entries, notifications, moderation_entries, process_variables) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(utc(startedAt), utc(finishedAt), triggeredBy, properties.authorData().toString(),
                        utc(endedBefore), counts.messages, counts.journalEntries, counts.notifications,
                        counts.moderationEntries, counts.processVariables)
                .update(key, "id");
        RetentionRun run = new RetentionRun(key.getKeyAs(Number.class).longValue(), startedAt, finishedAt,
                triggeredBy, properties.authorData(), endedBefore, counts.messages, counts.journalEntries,
                counts.notifications, counts.moderationEntries, counts.processVariables);
        log.info("Author data retention ({}, cases ended before {}): {} messages, {} journal entries, {} notifications, "
                        + "{} moderation entries, {} process variables anonymised", triggeredBy, endedBefore,
                run.messages(), run.journalEntries(), run.notifications(), run.moderationEntries(),
                run.processVariables());
        return run;
    }

    /** One batch of registry entries whose case ended before {@code endedBefore}; true when more may follow. */
    private boolean messageBatch(Instant endedBefore, Instant now, Counts counts) {
        List<AuthorRow> rows = jdbc.sql("SELECT m.id, m.author_name, m.author_id, m.url, m.external_id, m.text, "
                        + "m.answer_text, m.measures_taken, m.process_instance_id FROM message m "
                        + "WHERE m.anonymised_at IS NULL AND m.status IN (" + FINAL_STATUSES + ") "
                        + "AND m.updated_at < ? "
                        + "AND NOT EXISTS (SELECT 1 FROM message_event ev WHERE ev.message_id = m.id AND ev.occurred_at >= ?) "
                        + "AND (m.process_instance_id IS NULL OR NOT EXISTS "
                        + "(SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.PROC_INST_ID_ = m.process_instance_id)) "
                        + "ORDER BY m.id LIMIT ?")
                .params(utc(endedBefore), utc(endedBefore), properties.batchSize())
                .query(AuthorDataRetention::authorRow).list();
        if (rows.isEmpty()) {
            return false;
        }
        Map<Long, AuthorRow> byId = rows.stream().collect(Collectors.toMap(AuthorRow::id, Function.identity()));
        List<Long> ids = List.copyOf(byId.keySet());
        counts.messages += jdbc.sql("UPDATE message SET "
                        + "author_name = CASE WHEN author_name IS NULL THEN NULL ELSE :marker END, "
                        + "author_id = CASE WHEN author_id IS NULL THEN NULL ELSE :marker END, "
                        + "text = :marker, url = NULL, external_id = NULL, anonymised_at = :now "
                        + "WHERE id IN (:ids) AND anonymised_at IS NULL")
                .param("marker", Anonymisation.MARKER).param("now", utc(now)).param("ids", ids).update();
        // the body's own texts stay, only the author's name and link are blanked where they quote them
        for (AuthorRow row : rows) {
            String answer = row.anonymisation().blank(row.answerText());
            String measures = row.anonymisation().blank(row.measuresTaken());
            if (!Objects.equals(answer, row.answerText())
                    || !Objects.equals(measures, row.measuresTaken())) {
                jdbc.sql("UPDATE message SET answer_text = ?, measures_taken = ? WHERE id = ?")
                        .params(answer, measures, row.id()).update();
            }
        }
        counts.journalEntries += blankQuotes("message_event", "details", ids, byId,
                (step, a, details) -> MessageEvents.AUTHOR_REPLIED.equals(step)
                        ? "Ответ автора: " + Anonymisation.MARKER : a.blank(details));
        counts.notifications += blankQuotes("notification", "body", ids, byId, (kind, a, body) -> a.blank(body));
        counts.moderationEntries += anonymiseModeration("message_id IN (:ids)", Map.of("ids", ids), byId, now);
        counts.processVariables += deleteAuthorVariables(rows);
        return rows.size() == properties.batchSize();
    }

    /** One batch of comments moderated on the accounts (no registry entry) before {@code endedBefore}. */
    private boolean accountModerationBatch(Instant endedBefore, Instant now, Counts counts) {
        List<Long> ids = jdbc.sql("SELECT id FROM moderation_log WHERE message_id IS NULL AND anonymised_at IS NULL "
                        + "AND moderated_at < ? ORDER BY id LIMIT ?")
                .params(utc(endedBefore), properties.batchSize()).query(Long.class).list();
        if (ids.isEmpty()) {
            return false;
        }
        counts.moderationEntries += anonymiseModeration("id IN (:ids)", Map.of("ids", ids), Map.of(), now);
        return ids.size() == properties.batchSize();
    }

    /**
     * Moderation log entries: the author's name and id become the marker, the comment's link is dropped, the
     * staff's note keeps its words but not the author's data. The blacklist entry made from it stays.
     */
    private int anonymiseModeration(String where, Map<String, Object> params, Map<Long, AuthorRow> messages,
                                    Instant now) {
        List<ModerationRow> rows = jdbc.sql("SELECT id, message_id, author_name, author_id, url, notes FROM moderation_log "
                        + "WHERE anonymised_at IS NULL AND " + where)
                .params(params).query((rs, n) -> {
                    long messageId = rs.getLong("message_id");
                    return new ModerationRow(rs.getLong("id"), rs.wasNull() ? null : messageId,
                            rs.getString("author_name"), rs.getString("author_id"), rs.getString("url"),
                            rs.getString("notes"));
                }).list();
        for (ModerationRow row : rows) {
            AuthorRow message = row.messageId() == null ? null : messages.get(row.messageId());
            Anonymisation own = new Anonymisation(row.authorName(), row.authorId(), row.url(), null,
                    message == null ? null : message.text());
            jdbc.sql("UPDATE moderation_log SET author_name = ?, author_id = ?, url = NULL, notes = ?, anonymised_at = ? "
                            + "WHERE id = ?")
                    .params(Anonymisation.marker(row.authorName()), Anonymisation.marker(row.authorId()),
                            own.blank(message == null ? row.notes() : message.anonymisation().blank(row.notes())),
                            utc(now), row.id())
                    .update();
        }
        return rows.size();
    }

    /** Rewrites {@code column} of the rows of {@code table} about the messages; returns how many changed. */
    private int blankQuotes(String table, String column, List<Long> ids, Map<Long, AuthorRow> messages,
                            Rewrite rewrite) {
        String kind = table.equals("message_event") ? "step" : "kind";
        List<Object[]> changes = new ArrayList<>();
        jdbc.sql("SELECT id, message_id, " + kind + ", " + column + " FROM " + table
                        + " WHERE message_id IN (:ids) AND " + column + " IS NOT NULL")
                .param("ids", ids).query((ResultSet rs) -> {
                    String before = rs.getString(column);
                    String after = rewrite.apply(rs.getString(kind),
                            messages.get(rs.getLong("message_id")).anonymisation(), before);
                    if (!before.equals(after)) {
                        changes.add(new Object[]{after, rs.getLong("id")});
                    }
                });
        for (Object[] change : changes) {
            jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE id = ?").params(change).update();
        }
        return changes.size();
    }

    /**
     * The author's variables in the Camunda history of the ended cases. History cleanup removes the whole
     * history {@code historyTimeToLive} after the end (P1095D for MessageResponse, no longer than the retention
     * period), but only in its nightly window and batches, and a shorter retention period may be configured:
     * so the variables go here as well, with the rest of the trail kept for its time to live.
     */
    private int deleteAuthorVariables(List<AuthorRow> rows) {
        String[] instances = rows.stream().map(AuthorRow::processInstanceId).filter(Objects::nonNull)
                .toArray(String[]::new);
        if (instances.length == 0) {
            return 0;
        }
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances)
                .variableNameIn(AUTHOR_VARIABLES.toArray(String[]::new))
                .list();
        variables.forEach(v -> history.deleteHistoricVariableInstance(v.getId()));
        return variables.size();
    }

    private static AuthorRow authorRow(ResultSet rs, int n) throws SQLException {
        return new AuthorRow(rs.getLong("id"), new Anonymisation(rs.getString("author_name"), rs.getString("author_id"),
                rs.getString("url"), rs.getString("external_id"), rs.getString("text")),
                rs.getString("answer_text"), rs.getString("measures_taken"), rs.getString("process_instance_id"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record AuthorRow(long id, Anonymisation anonymisation, String answerText, String measuresTaken,
                             String processInstanceId) {
        String text() {
            return anonymisation.text();
        }
    }

    private record ModerationRow(long id, Long messageId, String authorName, String authorId, String url,
                                 String notes) {
    }

    @FunctionalInterface
    private interface Rewrite {
        String apply(String kind, Anonymisation anonymisation, String value);
    }

    private static final class Counts {
        int messages;
        int journalEntries;
        int notifications;
        int moderationEntries;
        int processVariables;
    }
}
