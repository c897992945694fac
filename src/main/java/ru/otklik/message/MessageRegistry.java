package ru.otklik.message;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.UnknownOrganizationException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The registry of messages (реестр сообщений, MSG-8): one row per detected message, its journal of steps
 * and its breached deadlines. The only writer of the tables {@code message}, {@code message_event} and
 * {@code message_violation}. Times come from the engine clock so that the registry and the process history
 * agree.
 */
@Service
public class MessageRegistry {

    private static final String COLUMNS = "id, organization_id, business_key, network, external_id, url, author_name, "
            + "author_id, text, topic, location, posted_at, detected_at, status, importance, departments, executor, "
            + "process_instance_id, routing_due, answer_due, draft_due, approval_due, rework_due, posting_due, "
            + "return_due, reroute_due, part_due";

    private final JdbcClient jdbc;
    private final OrganizationPolicies policies;
    private final BusinessKeys businessKeys;

    public MessageRegistry(JdbcClient jdbc, OrganizationPolicies policies, BusinessKeys businessKeys) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.businessKeys = businessKeys;
    }

    /**
     * MSG-8: enters a detected message in the registry with its detection date and time, status
     * {@link MessageStatus#REGISTERED} and a business key like {@code zags-2026-000042}; or returns the
     * existing entry when the organization already has the post (same network and external id, or same
     * link). Does not start the process.
     *
     * @throws DuplicateKeyException when a concurrent call inserted the same post first; read again
     * @throws IllegalArgumentException when a required field is missing or the organization is unknown
     */
    @Transactional
    public Registration register(NewMessage message, String actor) {
        validate(message);
        Optional<MessageEntry> existing = findExisting(message.organization(), message.network(),
                message.externalId(), message.url());
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        return register(message, actor, businessKeys.next(message.organization(), message.detectedAt()));
    }

    /**
     * MSG-8: enters a message the caller found new, under a number taken before from {@link BusinessKeys}, so that
     * the caller's transaction does not hold the organization's counter.
     *
     * @throws DuplicateKeyException when the registry holds the post after all (a concurrent report won); read again
     */
    @Transactional
    public Registration register(NewMessage message, String actor, String businessKey) {
        validate(message);
        ZoneId zone = zone(message.organization());
        OffsetDateTime now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO message (organization_id, business_key, network, external_id, url, author_name,
                            author_id, text, topic, location, posted_at, detected_at, status, registered_by,
                            created_at, updated_at)
                        VALUES (:org, :bk, :network, :externalId, :url, :authorName, :authorId, :text, :topic,
                            :location, :postedAt, :detectedAt, :status, :actor, :now, :now)""")
                .param("org", message.organization())
                .param("bk", businessKey)
                .param("network", message.network().name())
                .param("externalId", blankToNull(message.externalId()))
                .param("url", blankToNull(message.url()))
                .param("authorName", blankToNull(message.authorName()))
                .param("authorId", blankToNull(message.authorId()))
                .param("text", message.text())
                .param("topic", blankToNull(message.topic()))
                .param("location", blankToNull(message.location()))
                .param("postedAt", message.postedAt() == null ? null : utc(message.postedAt().toInstant()))
                .param("detectedAt", utc(message.detectedAt()))
                .param("status", MessageStatus.REGISTERED.name())
                .param("actor", actor == null ? "unknown" : actor)
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKey() != null ? keys.getKey().longValue() : idOf(businessKey);
        appendEvent(id, MessageEvents.REGISTERED, actor, now.toInstant(), "MSG-8",
                "Обнаружено " + Instants.format(message.detectedAt(), zone) + ", сеть " + message.network());
        return new Registration(find(id).orElseThrow(), true);
    }

    /** The entry of the organization for that post: same network and external id, or same link. */
    public Optional<MessageEntry> findExisting(String org, Network network, String externalId, String url) {
        if (network != null && externalId != null && !externalId.isBlank()) {
            Optional<MessageEntry> byExternalId = jdbc.sql("SELECT " + COLUMNS
                            + " FROM message WHERE organization_id = ? AND network = ? AND external_id = ?")
                    .params(org, network.name(), externalId).query(this::entry).optional();
            if (byExternalId.isPresent()) {
                return byExternalId;
            }
        }
        if (url != null && !url.isBlank()) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE organization_id = ? AND url = ?")
                    .params(org, url).query(this::entry).optional();
        }
        return Optional.empty();
    }

    public Optional<MessageEntry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE id = ?").param(id).query(this::entry).optional();
    }

    public Optional<MessageEntry> findByBusinessKey(String businessKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE business_key = ?").param(businessKey)
                .query(this::entry).optional();
    }

    /** The journal of the message, oldest first (MSG-8, MSG-9). */
    public List<MessageEvent> events(long id) {
        return jdbc.sql("SELECT step, actor, occurred_at, rule_id, details FROM message_event WHERE message_id = ? "
                        + "ORDER BY occurred_at, id")
                .param(id)
                .query((rs, n) -> new MessageEvent(rs.getString("step"), rs.getString("actor"),
                        instant(rs, "occurred_at"), rs.getString("rule_id"), rs.getString("details")))
                .list();
    }

    /** The breached deadlines of the message, in the order they were breached (MSG-24, MSG-27). */
    public List<Violation> violations(long id) {
        return jdbc.sql("SELECT step, rule_id, responsible_user, due_at, actual_at FROM message_violation "
                        + "WHERE message_id = ? ORDER BY actual_at, id")
                .param(id)
                .query((rs, n) -> new Violation(rs.getString("step"), rs.getString("rule_id"),
                        rs.getString("responsible_user"), instant(rs, "due_at"), instant(rs, "actual_at")))
                .list();
    }

    /**
     * Entries detected in {@code [from, to)}, newest first. {@code org} narrows to one organization;
     * otherwise {@code orgs}, when not null, limits to those organizations (which ones a caller may see is
     * the caller's concern). Any filter may be null.
     */
    public Page<MessageEntry> search(String org, Set<String> orgs, MessageStatus status, Instant from, Instant to,
                                     int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> params = new LinkedHashMap<>();
        if (org != null) {
            where.add("organization_id = :org");
            params.put("org", org);
        }
        if (orgs != null) {
            if (orgs.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            where.add("organization_id IN (:orgs)");
            params.put("orgs", orgs);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.name());
        }
        if (from != null) {
            where.add("detected_at >= :from");
            params.put("from", utc(from));
        }
        if (to != null) {
            where.add("detected_at < :to");
            params.put("to", utc(to));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM message" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<MessageEntry> items = jdbc.sql("SELECT " + COLUMNS + " FROM message" + where
                        + " ORDER BY detected_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(this::entry).list();
        return new Page<>(items, page, size, total);
    }

    // ---- writes made by the process (through the delegates) ----

    /** MSG-8: records which case works on the message. */
    @Transactional
    public void linkProcess(long id, String processInstanceId, String actor) {
        int updated = jdbc.sql("UPDATE message SET process_instance_id = ?, updated_at = ? WHERE id = ? "
                        + "AND (process_instance_id IS NULL OR process_instance_id = ?)")
                .params(processInstanceId, now(), id, processInstanceId).update();
        if (updated == 0) {
            throw new IllegalStateException("Message " + id + " does not exist or is already worked on by another case");
        }
        appendEvent(id, MessageEvents.PROCESS_STARTED, actor, now().toInstant(), "MSG-8",
                "Экземпляр процесса " + processInstanceId);
    }

    /** Sets the status and the deadline of a step as it starts (MSG-8 … MSG-16). */
    @Transactional
    public void stepStarted(long id, MessageStep step, Instant due) {
        jdbc.sql("UPDATE message SET " + step.dueColumn() + " = ?, updated_at = ? WHERE id = ?")
                .params(utc(due), now(), id).update();
        if (step.status() != null) {
            changeStatus(id, step.status());
        }
    }

    /** Sets the status alone. */
    @Transactional
    public void changeStatus(long id, MessageStatus status) {
        jdbc.sql("UPDATE message SET status = ?, updated_at = ? WHERE id = ?").params(status.name(), now(), id).update();
    }

    /**
     * MSG-8: the coordinator's decision — importance category, responsible departments and an optional
     * shortened deadline.
     */
    @Transactional
    public void classify(long id, Importance importance, Collection<String> departments, Instant shortenedDeadline,
                         String actor) {
        String joined = String.join(",", departments);
        jdbc.sql("UPDATE message SET importance = ?, departments = ?, shortened_deadline = ?, status = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(importance.name(), joined, shortenedDeadline == null ? null : utc(shortenedDeadline),
                        MessageStatus.IN_DEPARTMENT.name(), now(), id)
                .update();
        String details = "Важность: " + importance.title() + "; отдел: " + joined
                + (shortenedDeadline == null ? "" : "; сокращённый срок: " + Instants.format(shortenedDeadline, zoneOf(id)));
        appendEvent(id, MessageEvents.ROUTED, actor, now().toInstant(), "MSG-8", details);
    }

    /** MSG-8: the department head (or, in the head's absence, an executor) received the message. */
    @Transactional
    public void received(long id, String department, String actor, Instant at) {
        appendEvent(id, MessageEvents.RECEIVED, actor, at, "MSG-8", "Получено отделом " + department);
    }

    /** MSG-7: the department head named the executor who drafts the answer. */
    @Transactional
    public void executorAssigned(long id, String executor, String actor) {
        jdbc.sql("UPDATE message SET executor = ?, updated_at = ? WHERE id = ?").params(executor, now(), id).update();
        appendEvent(id, MessageEvents.EXECUTOR_ASSIGNED, actor, now().toInstant(), "MSG-7", "Исполнитель: " + executor);
    }

    /** MSG-13, MSG-15, MSG-22: a draft (or a reworked draft) is submitted for approval. */
    @Transactional
    public void draftSubmitted(long id, String kind, String text, String actor, boolean rework) {
        jdbc.sql("UPDATE message SET answer_kind = ?, answer_text = ?, updated_at = ? WHERE id = ?")
                .params(kind, text, now(), id).update();
        appendEvent(id, rework ? MessageEvents.REWORKED : MessageEvents.DRAFT_SUBMITTED, actor, now().toInstant(),
                rework ? "MSG-15" : "MSG-13", "Вид: " + kind);
    }

    /** MSG-14: the approver approved the draft or returned it with remarks. */
    @Transactional
    public void approvalDecided(long id, boolean approved, String remarks, String actor) {
        appendEvent(id, approved ? MessageEvents.APPROVED : MessageEvents.RETURNED, actor, now().toInstant(), "MSG-14",
                approved ? null : "Замечания: " + remarks);
    }

    /** MSG-16: the specialist posted the approved answer; the case is answered. */
    @Transactional
    public void answered(long id, String answerUrl, Instant postedAt, String actor) {
        answered(id, answerUrl, postedAt, actor, AnswerKind.FINAL);
    }

    /**
     * MSG-16: the specialist posted the approved answer. A final answer closes the case; after an intermediate
     * answer the final one is awaited (MSG-17), after a clarification request the author's reply (MSG-6, MSG-13).
     */
    @Transactional
    public void answered(long id, String answerUrl, Instant postedAt, String actor, AnswerKind kind) {
        MessageStatus status = switch (kind) {
            case FINAL -> MessageStatus.ANSWERED;
            case INTERMEDIATE -> MessageStatus.INTERMEDIATE_ANSWERED;
            case CLARIFICATION -> MessageStatus.AWAITING_REPLY;
        };
        jdbc.sql("UPDATE message SET answer_url = ?, answered_at = ?, status = ?, updated_at = ? WHERE id = ?")
                .params(answerUrl, utc(postedAt), status.name(), now(), id).update();
        appendEvent(id, MessageEvents.ANSWER_POSTED, actor, postedAt, "MSG-16",
                kind.title() + ". Ссылка на ответ: " + answerUrl);
    }

    /** MSG-25: the working time from detection to the first posted answer; later answers keep it. */
    @Transactional
    public void firstAnswerWorkingTime(long id, java.time.Duration workingTime) {
        jdbc.sql("UPDATE message SET answer_working_seconds = ? WHERE id = ? AND answer_working_seconds IS NULL")
                .params(workingTime.getSeconds(), id).update();
    }

    /**
     * MSG-9: a department returned the message as not its competence, with the reason; the date and time of
     * the return are in the journal. The step's deadline (15 minutes of receipt) is kept in {@code return_due}.
     */
    @Transactional
    public void returnedNotCompetent(long id, String department, String reason, String actor, Instant at, Instant due) {
        jdbc.sql("UPDATE message SET return_due = ?, updated_at = ? WHERE id = ?").params(utc(due), now(), id).update();
        appendEvent(id, MessageEvents.RETURNED_NOT_COMPETENT, actor, at, "MSG-9",
                "Отдел " + department + " вернул сообщение как не относящееся к компетенции. Причина: " + reason);
    }

    /** MSG-10: an ОТО specialist re-routed the message to the competent department(s). */
    @Transactional
    public void rerouted(long id, Collection<String> departments, String actor) {
        String joined = String.join(",", departments);
        jdbc.sql("UPDATE message SET departments = ?, executor = NULL, status = ?, updated_at = ? WHERE id = ?")
                .params(joined, MessageStatus.IN_DEPARTMENT.name(), now(), id).update();
        appendEvent(id, MessageEvents.REROUTED, actor, now().toInstant(), "MSG-10", "Направлено в отдел: " + joined);
    }

    /** MSG-18: a department's executor sent its part of a joint answer. */
    @Transactional
    public void partSubmitted(long id, String department, String text, String actor) {
        appendEvent(id, MessageEvents.PART_SUBMITTED, actor, now().toInstant(), "MSG-18", department + ": " + text);
    }

    /** MSG-17: the final answer after an intermediate one is due at {@code due}. */
    @Transactional
    public void finalAnswerDue(long id, Instant due) {
        appendEvent(id, MessageEvents.FINAL_ANSWER_DUE, null, now().toInstant(), "MSG-17",
                "Окончательный ответ не позднее " + Instants.format(due, zoneOf(id)));
    }

    /** MSG-6, MSG-13: the author replied to the clarification request; a new answer round starts. */
    @Transactional
    public void authorReplied(long id, Instant detectedAt, String text, String url, String actor) {
        jdbc.sql("UPDATE message SET status = ?, updated_at = ? WHERE id = ?")
                .params(MessageStatus.IN_DEPARTMENT.name(), now(), id).update();
        appendEvent(id, MessageEvents.AUTHOR_REPLIED, actor, detectedAt, "MSG-13",
                "Ответ автора" + (url == null ? "" : " (" + url + ")") + ": " + text);
    }

    /**
     * MSG-20: the latest earlier message of the organization from the same author in the same network on the same
     * topic, detected in {@code [from, before)}, other than {@code excludeId}.
     */
    public Optional<MessageEntry> findRepeatCandidate(String org, Network network, String authorId, String topic,
                                                      Instant from, Instant before, long excludeId) {
        if (authorId == null || topic == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE organization_id = ? AND network = ? AND author_id = ? "
                        + "AND LOWER(topic) = LOWER(?) AND detected_at >= ? AND detected_at < ? AND id <> ? "
                        + "ORDER BY detected_at DESC, id DESC")
                .params(org, network.name(), authorId, topic, utc(from), utc(before), excludeId)
                .query(this::entry).list().stream().findFirst();
    }

    /** MSG-20: the message repeats the earlier case {@code earlierId}. */
    @Transactional
    public void markRepeat(long id, long earlierId, String earlierKey, String actor, String how) {
        jdbc.sql("UPDATE message SET repeat_of = ?, updated_at = ? WHERE id = ?").params(earlierId, now(), id).update();
        appendEvent(id, MessageEvents.REPEAT_OF, actor, now().toInstant(), "MSG-20",
                "Повторное сообщение по обращению " + earlierKey + " (" + how + ")");
    }

    /** MSG-20: the business key of the earlier case the message repeats, if any. */
    public Optional<String> repeatOf(long id) {
        return jdbc.sql("SELECT e.business_key FROM message m JOIN message e ON e.id = m.repeat_of WHERE m.id = ?")
                .param(id).query(String.class).optional();
    }

    /** MSG-20: «Принятые меры / ход решения вопроса» stated in the answer to a repeat. */
    @Transactional
    public void measuresTaken(long id, String measures) {
        jdbc.sql("UPDATE message SET measures_taken = ?, updated_at = ? WHERE id = ?").params(measures, now(), id).update();
    }

    /** A row of the moderation log (MSG-23, ACC-10). */
    public record Moderation(long messageId, String organization, String network, String authorId, String reason,
                             boolean commentDeleted, boolean authorBlacklisted, String notes, String moderatedBy,
                             Instant moderatedAt) {
    }

    /** The moderation log entry of a message, if it was not to be processed (MSG-23). */
    public Optional<Moderation> moderation(long id) {
        return jdbc.sql("SELECT * FROM moderation_log WHERE message_id = ?").param(id)
                .query((rs, row) -> new Moderation(rs.getLong("message_id"), rs.getString("organization_id"),
                        rs.getString("network"), rs.getString("author_id"), rs.getString("reason"),
                        rs.getBoolean("comment_deleted"), rs.getBoolean("author_blacklisted"), rs.getString("notes"),
                        rs.getString("moderated_by"), instant(rs, "moderated_at")))
                .optional();
    }

    /**
     * MSG-24, MSG-27: marks the step overdue and records the breach against the person responsible, once per
     * deadline.
     *
     * @return whether this call recorded it (false when the same deadline was recorded before)
     */
    @Transactional
    public boolean recordViolation(long id, MessageStep step, String ruleId, String responsibleUser, Instant due,
                                   Instant actual) {
        return recordViolation(id, step, "", ruleId, responsibleUser, due, actual);
    }

    /**
     * MSG-18, MSG-24, MSG-27: as {@link #recordViolation(long, MessageStep, String, String, Instant, Instant)}, once
     * per deadline and scope — the department, for the parts of a joint answer, which share one deadline.
     */
    @Transactional
    public boolean recordViolation(long id, MessageStep step, String scope, String ruleId, String responsibleUser,
                                   Instant due, Instant actual) {
        String s = scope == null ? "" : scope;
        // once per deadline and scope; the unique key (message_id, step, due_at, scope) backs this against a
        // concurrent double firing
        int recorded = jdbc.sql("INSERT INTO message_violation (message_id, step, scope, rule_id, responsible_user, "
                        + "due_at, actual_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM message_violation "
                        + "WHERE message_id = ? AND step = ? AND due_at = ? AND scope = ?)")
                .params(id, step.key(), s, ruleId, responsibleUser, utc(due), utc(actual), id, step.key(), utc(due), s)
                .update();
        if (recorded == 0) {
            return false;
        }
        Tallies tallies = jdbc.sql("SELECT organization_id, overdue_steps, breached_deadlines, intermediate_at "
                        + "FROM message WHERE id = ? FOR UPDATE").param(id)
                .query((rs, n) -> new Tallies(rs.getString("organization_id"), rs.getString("overdue_steps"),
                        rs.getString("breached_deadlines"), instant(rs, "intermediate_at")))
                .single();
        jdbc.sql("UPDATE message SET overdue_steps = ?, breached_deadlines = ?, updated_at = ? WHERE id = ?")
                .params(addToList(tallies.overdue(), step.key()),
                        BreachedDeadlines.with(tallies.breached(), step, due, tallies.intermediateAt()), now(), id)
                .update();
        appendEvent(id, MessageEvents.OVERDUE, responsibleUser, actual, ruleId,
                "Нарушен срок: " + step.title() + (s.isEmpty() ? "" : " (" + s + ")") + " (срок "
                        + Instants.format(due, zone(tallies.organization())) + ")");
        return true;
    }

    /** The steps whose deadline was breached at least once (MSG-24). */
    public Set<MessageStep> overdueSteps(long id) {
        String overdue = jdbc.sql("SELECT overdue_steps FROM message WHERE id = ?").param(id)
                .query(String.class).optional().orElse(null);
        if (overdue == null || overdue.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(overdue.split(",")).map(MessageStep::of)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(MessageStep.class)));
    }

    /** Appends an entry to the journal of the message. */
    @Transactional
    public void appendEvent(long id, String step, String actor, Instant at, String ruleId, String details) {
        jdbc.sql("INSERT INTO message_event (message_id, step, actor, occurred_at, rule_id, details) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, step, actor, utc(at), ruleId, details == null ? null : truncate(details, 4000)).update();
        tally(id, step, at);
    }

    /**
     * Keeps the message's tallies of its journal (V65) in step with the entry just written: returns (MSG-9),
     * returns for rework (MSG-15) and the first intermediate answer (MSG-17), which decides whether an answer
     * breach was the first round's or the final answer's, so the breached deadlines are counted again.
     */
    private void tally(long id, String step, Instant at) {
        switch (step) {
            case MessageEvents.RETURNED_NOT_COMPETENT ->
                    jdbc.sql("UPDATE message SET return_count = return_count + 1 WHERE id = ?").param(id).update();
            case MessageEvents.RETURNED ->
                    jdbc.sql("UPDATE message SET rework_count = rework_count + 1 WHERE id = ?").param(id).update();
            case MessageEvents.FINAL_ANSWER_DUE -> {
                Instant first = jdbc.sql("SELECT intermediate_at FROM message WHERE id = ? FOR UPDATE").param(id)
                        .query((rs, n) -> Optional.ofNullable(instant(rs, "intermediate_at"))).single()
                        .filter(earlier -> !earlier.isAfter(at)).orElse(at);
                List<BreachedDeadlines.Breach> breaches = jdbc.sql("SELECT step, due_at FROM message_violation "
                                + "WHERE message_id = ?").param(id)
                        .query((rs, n) -> new BreachedDeadlines.Breach(MessageStep.of(rs.getString("step")),
                                instant(rs, "due_at")))
                        .list();
                jdbc.sql("UPDATE message SET intermediate_at = ?, breached_deadlines = ? WHERE id = ?")
                        .params(utc(first), BreachedDeadlines.of(breaches, first), id).update();
            }
            default -> {
            }
        }
    }

    /** What a breach changes in the message's row. */
    private record Tallies(String organization, String overdue, String breached, Instant intermediateAt) {
    }

    // ---- helpers ----

    private ZoneId zoneOf(long id) {
        return zone(jdbc.sql("SELECT organization_id FROM message WHERE id = ?").param(id).query(String.class).single());
    }

    private ZoneId zone(String organization) {
        return policies.get(organization).zone();
    }

    private long idOf(String businessKey) {
        return jdbc.sql("SELECT id FROM message WHERE business_key = ?").param(businessKey).query(Long.class).single();
    }

    private void validate(NewMessage m) {
        if (m == null) {
            throw new IllegalArgumentException("message is required");
        }
        if (!policies.exists(m.organization())) {
            throw new UnknownOrganizationException(m.organization());
        }
        require(m.network() != null, "network is required");
        require(m.text() != null && !m.text().isBlank(), "text is required");
        require(m.text() == null || m.text().length() <= 10000, "text is longer than 10000 characters");
        require(m.detectedAt() != null, "detectedAt is required (MSG-8)");
        require(notBlank(m.externalId()) || notBlank(m.url()), "externalId or url is required");
        require(m.url() == null || m.url().length() <= 2048, "url is longer than 2048 characters");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String addToList(String list, String item) {
        if (list == null || list.isBlank()) {
            return item;
        }
        return Arrays.asList(list.split(",")).contains(item) ? list : list + "," + item;
    }

    private MessageEntry entry(ResultSet rs, int row) throws SQLException {
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        for (MessageStep step : MessageStep.values()) {
            Instant due = instant(rs, step.dueColumn());
            if (due != null) {
                deadlines.put(step.key(), due);
            }
        }
        String departments = rs.getString("departments");
        String importance = rs.getString("importance");
        return new MessageEntry(rs.getLong("id"), rs.getString("organization_id"), rs.getString("business_key"),
                Network.valueOf(rs.getString("network")), rs.getString("external_id"), rs.getString("url"),
                rs.getString("author_name"), rs.getString("author_id"), rs.getString("text"), rs.getString("topic"),
                rs.getString("location"), instant(rs, "posted_at"), instant(rs, "detected_at"),
                MessageStatus.valueOf(rs.getString("status")), importance == null ? null : Importance.valueOf(importance),
                departments == null || departments.isBlank() ? List.of() : List.of(departments.split(",")),
                rs.getString("executor"), rs.getString("process_instance_id"), deadlines);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime now() {
        return utc(ClockUtil.getCurrentTime().toInstant());
    }
}
