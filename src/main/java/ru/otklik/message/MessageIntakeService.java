package ru.otklik.message;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.content.moderation.ModerationLog;
import ru.otklik.organization.OrganizationPolicies;
import ru.otklik.organization.OrganizationPolicy;
import ru.otklik.organization.Role;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;
import ru.otklik.web.NotFoundException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The intake of detected messages (MSG-8) and the reading of the registry of messages over the API.
 *
 * <p>Checks run in a fixed order: authentication (401, in the security filter), the shape of the request
 * (400), whether the organization exists (404), whether the caller may act on it (403). A shape error tells
 * nothing about any organization, and organization ids are public (the acts name them), so this order leaks
 * nothing; a message itself is answered with 404 to anyone outside its organization.
 */
@Service
public class MessageIntakeService {

    private static final Logger log = LoggerFactory.getLogger(MessageIntakeService.class);

    /** How far a reported time may lie ahead of ours: the monitoring system's clock may run slightly fast. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    /** Keeps the offset (page × size) far from overflow. */
    static final int MAX_PAGE = 100_000;
    /**
     * How long a registration that lost a race or met a passing database failure keeps trying. Reports of one
     * post end after the first loss (the winner's entry is then found); a lock wait that timed out (H2, unlike
     * PostgreSQL, gives up after a few seconds) or a lost connection is tried again under the same number.
     */
    static final Duration RETRY_BUDGET = Duration.ofSeconds(30);

    private final MessageRegistry registry;
    private final BusinessKeys businessKeys;
    private final CaseQueue caseQueue;
    private final MessageProcess process;
    private final OrganizationPolicies policies;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final org.camunda.bpm.engine.TaskService tasks;
    private final ModerationLog moderationLog;

    /** ACC-10: journal step of a message whose author is on the blacklist of an account of the organization. */
    public static final String EVENT_AUTHOR_BLACKLISTED = "author-blacklisted";

    MessageIntakeService(MessageRegistry registry, BusinessKeys businessKeys, CaseQueue caseQueue,
                         MessageProcess process, OrganizationPolicies policies, PlatformTransactionManager transactions,
                         org.camunda.bpm.engine.TaskService tasks, ModerationLog moderationLog) {
        this.registry = registry;
        this.businessKeys = businessKeys;
        this.caseQueue = caseQueue;
        this.moderationLog = moderationLog;
        this.process = process;
        this.policies = policies;
        this.tasks = tasks;
        // Each attempt is a transaction of its own, even inside a caller's: a failed attempt must be rolled
        // back completely before the winner's entry is read.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * MSG-8: registers a detected message and starts its case, both in one transaction, or returns the
     * entry that already holds the post (same organization, network and external id, or same link). Never
     * creates a second entry or case for one post, also when the same post is reported concurrently: the
     * registry's unique keys reject the loser, whose transaction is rolled back before the winner's entry is
     * read and returned.
     *
     * @return the entry, {@code created} when this call registered it
     * @throws InvalidFieldException                                  400: the request is invalid
     * @throws ru.otklik.organization.UnknownOrganizationException    404: no such organization
     * @throws ru.otklik.security.OrganizationAccessDeniedException  403: neither intake nor specialist there
     */
    public Registration report(MessageRequest request, Staff staff) {
        return report(request, staff, transaction, true);
    }

    /**
     * MSG-8: as {@link #report}, but the case is started afterwards in the background ({@link CaseStarter}): the
     * registration commits the registry entry and its place in the queue of cases to start, which costs a fraction
     * of a case start. For reports that must be answered at once in numbers (a burst of a resonant event).
     */
    public Registration reportLater(MessageRequest request, Staff staff) {
        return report(request, staff, transaction, false);
    }

    /**
     * MSG-8: as {@link #report}, but inside the caller's transaction, so that an import commits a batch of rows
     * and its own record of them at once (one commit per batch instead of one per message). Each attempt is a
     * savepoint: a failed row is undone alone and the caller's transaction goes on; what it registered is
     * committed, or rolled back, with the caller's transaction. Without a transaction, as {@link #report}.
     */
    public Registration reportWithin(MessageRequest request, Staff staff) {
        return report(request, staff, savepoint, true);
    }

    /** MSG-8: as {@link #reportWithin}, with the case started afterwards in the background, as {@link #reportLater}. */
    public Registration reportWithinLater(MessageRequest request, Staff staff) {
        return report(request, staff, savepoint, false);
    }

    private Registration report(MessageRequest request, Staff staff, TransactionTemplate each, boolean startNow) {
        NewMessage message = validated(request, now());
        policies.get(message.organization());
        staff.requireRole(message.organization(), Role.INTAKE, Role.SPECIALIST);
        if (trimToNull(request.inReplyTo()) != null) {
            return each.execute(status -> authorReplied(message, request.inReplyTo().trim(), staff.userId()));
        }
        Optional<MessageEntry> known = findExisting(message);
        if (known.isPresent()) {
            return new Registration(known.get(), false);
        }
        // Numbered before the registration's transaction: the organization's counter is not held while the case
        // starts, so its messages register side by side (see BusinessKeys).
        String businessKey = businessKeys.next(message.organization(), message.detectedAt());
        long giveUpAt = System.nanoTime() + RETRY_BUDGET.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                Registration registration = each.execute(status -> registerAndStart(message, businessKey,
                        request.repeatOf(), staff.userId(), startNow));
                if (registration.created() && startNow) {
                    log.info("Message {} registered by {} (case {})", registration.entry().businessKey(),
                            staff.userId(), registration.entry().processInstanceId());
                } else if (registration.created()) {
                    log.info("Message {} registered by {}, its case queued", registration.entry().businessKey(),
                            staff.userId());
                }
                return registration;
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // Rolled back by now: neither this attempt's row nor its case remains. If a concurrent report
                // of the same post won the race, answer with its entry.
                Optional<MessageEntry> existing = findExisting(message);
                if (existing.isPresent()) {
                    return new Registration(existing.get(), false);
                }
                // Otherwise a lock wait timed out or the connection failed: try again. Any other broken
                // constraint would only break again.
                boolean race = e instanceof DuplicateKeyException || e instanceof TransientDataAccessException;
                if (!race || System.nanoTime() - giveUpAt > 0) {
                    throw e;
                }
                log.debug("Registration of a message of {} collided, attempt {}: {}", message.organization(),
                        attempt, e.getMessage());
                pause(attempt, e);
            }
        }
    }

    /**
     * MSG-6, MSG-13: the reported post ({@code inReplyTo} set) is the author's reply to the clarification request of
     * the case {@code businessKey}: completes the case's {@code Task_RecordAuthorReply} with it, which starts the next
     * answer round with deadlines from the reply's detection. Answers with the case's entry (not created).
     *
     * @throws InvalidFieldException 400: no such case of the organization, or it awaits no reply
     */
    private Registration authorReplied(NewMessage reply, String businessKey, String actor) {
        MessageEntry entry = registry.findByBusinessKey(businessKey)
                .filter(e -> e.organization().equals(reply.organization()))
                .orElseThrow(() -> new InvalidFieldException("inReplyTo", "нет такого сообщения в реестре организации"));
        org.camunda.bpm.engine.task.Task waiting = entry.processInstanceId() == null ? null : tasks.createTaskQuery()
                .processInstanceId(entry.processInstanceId())
                .taskDefinitionKey(MessageResponseProcess.TASK_RECORD_AUTHOR_REPLY).singleResult();
        if (waiting == null) {
            throw new InvalidFieldException("inReplyTo", "по этому сообщению не ожидается ответ автора на уточняющий вопрос");
        }
        tasks.setAssignee(waiting.getId(), actor);
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(MessageResponseProcess.VAR_REPLY_DETECTED_AT, java.util.Date.from(reply.detectedAt()));
        variables.put(MessageResponseProcess.VAR_REPLY_TEXT, reply.text());
        variables.put(MessageResponseProcess.VAR_REPLY_URL, reply.url());
        tasks.complete(waiting.getId(), variables);
        log.info("Author's reply to message {} reported by {}", businessKey, actor);
        return new Registration(registry.find(entry.id()).orElseThrow(), false);
    }

    /** A short, growing, jittered pause, so that the losers of a race do not collide again at once. */
    private static void pause(int attempt, RuntimeException cause) {
        long millis = Math.min(20L * attempt, 250L) + ThreadLocalRandom.current().nextLong(20);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private Registration registerAndStart(NewMessage message, String businessKey, String repeatOf, String actor,
                                          boolean startNow) {
        Registration registration = registry.register(message, actor, businessKey);
        markBlacklistedAuthor(registration.entry(), actor);
        if (!startNow) {
            caseQueue.add(registration.entry().id(), repeatOf, now());
            return registration;
        }
        return new Registration(process.start(registration.entry(), repeatOf), true);
    }

    /**
     * ACC-10: a message whose author is on the blacklist of an account of the organization in the same network is
     * still registered and processed; the journal says so, and the entry's view shows {@code authorBlacklisted}.
     */
    private void markBlacklistedAuthor(MessageEntry entry, String actor) {
        moderationLog.blacklisted(entry.organization(), entry.network(), entry.authorId())
                .ifPresent(listed -> registry.appendEvent(entry.id(), EVENT_AUTHOR_BLACKLISTED, actor, now(), "ACC-10",
                        "Автор в чёрном списке аккаунта " + listed.accountUrl() + " (с "
                                + listed.addedAt().atZone(zone(entry.organization())).toLocalDate()
                                .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                                + ", основание: " + listed.reasonTitle() + ")"));
    }

    private Optional<MessageEntry> findExisting(NewMessage message) {
        return registry.findExisting(message.organization(), message.network(), message.externalId(), message.url());
    }

    /** The registry entry with its journal and violations; 404 also when the caller may not see it. */
    public MessageView message(long id, Staff staff) {
        MessageEntry entry = registry.find(id)
                .filter(e -> staff.belongsTo(e.organization()))
                .orElseThrow(() -> new NotFoundException("Сообщение " + id + " не найдено"));
        return MessageView.of(entry, registry.events(id), registry.violations(id), zone(entry.organization()));
    }

    /**
     * A page of the registry, newest detection first, limited to the caller's organizations. Parameters come
     * as the query string has them, so that each invalid one is named in the 400.
     *
     * @param from inclusive, ISO-8601 date-time with offset, compared with the detection time
     * @param to   exclusive, likewise
     */
    public MessagePageView search(String org, String status, String from, String to, String page, String size,
                                  Staff staff) {
        MessageStatus statusFilter = status(status);
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidFieldException("to", "должно быть позже значения from");
        }
        int pageNumber = integer("page", page, 0, 0, MAX_PAGE);
        int pageSize = integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        String organization = trimToNull(org);
        if (organization != null) {
            policies.get(organization);
            staff.requireOrganization(organization);
        }
        Set<String> visible = policies.all().stream().map(OrganizationPolicy::id).filter(staff::belongsTo)
                .collect(Collectors.toUnmodifiableSet());
        Page<MessageEntry> result = registry.search(organization, visible, statusFilter, fromInstant, toInstant,
                pageNumber, pageSize);
        return new MessagePageView(result.items().stream()
                .map(e -> MessageSummaryView.of(e, zone(e.organization()))).toList(),
                result.page(), result.size(), result.total());
    }

    /** The organization's time zone: instants in answers carry its offset. */
    public ZoneId zone(String organizationId) {
        return policies.get(organizationId).zone();
    }

    // ---- checks of POST /api/messages beyond the annotations of MessageRequest ----

    /** Deadlines are computed in working time from 2000 on; no network post is older. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    static NewMessage validated(MessageRequest request, Instant now) {
        requireNoNul("org", request.org());
        requireNoNul("externalId", request.externalId());
        requireNoNul("url", request.url());
        requireNoNul("authorName", request.authorName());
        requireNoNul("authorId", request.authorId());
        requireNoNul("text", request.text());
        requireNoNul("topic", request.topic());
        requireNoNul("location", request.location());
        requireNoNul("repeatOf", request.repeatOf());
        requireNoNul("inReplyTo", request.inReplyTo());
        String externalId = trimToNull(request.externalId());
        String url = trimToNull(request.url());
        if (externalId == null && url == null) {
            throw new InvalidFieldException("externalId",
                    "укажите externalId или url: по ним распознаётся повторное сообщение");
        }
        if (url != null) {
            requireHttpUrl(url);
        }
        Instant detectedAt = request.detectedAt() == null ? now : request.detectedAt().toInstant();
        if (detectedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException("detectedAt",
                    "время обнаружения в будущем (позже текущего более чем на 5 минут)");
        }
        if (detectedAt.isBefore(EARLIEST)) {
            throw new InvalidFieldException("detectedAt", "время обнаружения раньше 2000 года");
        }
        OffsetDateTime postedAt = request.postedAt();
        if (postedAt != null && postedAt.toInstant().isAfter(detectedAt.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException("postedAt", "время публикации позже времени обнаружения");
        }
        if (postedAt != null && postedAt.toInstant().isBefore(EARLIEST)) {
            throw new InvalidFieldException("postedAt", "время публикации раньше 2000 года");
        }
        return new NewMessage(request.org().trim(), request.network(), externalId, url,
                trimToNull(request.authorName()), trimToNull(request.authorId()), request.text(), postedAt,
                detectedAt, trimToNull(request.topic()), trimToNull(request.location()));
    }

    /** PostgreSQL cannot store U+0000 in text; no post contains it. */
    private static void requireNoNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidFieldException(field, "недопустимый символ U+0000");
        }
    }

    private static void requireHttpUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "некорректная ссылка (позиция " + (e.getIndex() + 1) + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getRawAuthority() == null || uri.getRawAuthority().isBlank()) {
            throw new InvalidFieldException("url", "нужна абсолютная ссылка, начинающаяся с http:// или https://");
        }
    }

    // ---- query parameters of GET /api/messages ----

    private static MessageStatus status(String value) {
        String status = trimToNull(value);
        if (status == null) {
            return null;
        }
        try {
            return MessageStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("status", "недопустимое значение «" + status + "»; допустимо: "
                    + Arrays.stream(MessageStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static Instant instant(String parameter, String value) {
        String text = trimToNull(value);
        if (text == null) {
            return null;
        }
        try {
            // An unencoded "+" of the offset arrives as a space; no ISO-8601 date-time contains one.
            return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFieldException(parameter,
                    "нужны дата и время ISO-8601 со смещением, например 2026-11-23T10:10:00+07:00");
        }
    }

    private static int integer(String parameter, String value, int fallback, int min, int max) {
        String text = trimToNull(value);
        if (text == null) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(parameter, "нужно целое число от " + min + " до " + max);
        }
        if (number < min || number > max) {
            throw new InvalidFieldException(parameter, "нужно целое число от " + min + " до " + max);
        }
        return number;
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
