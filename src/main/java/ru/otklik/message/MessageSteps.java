package ru.otklik.message;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The rules of each step of the procedure as staff complete it in Tasklist: checks what they entered and
 * writes the registry. Called by the thin delegates and listeners of {@code MessageResponse}.
 */
@Service
public class MessageSteps {

    /** How far a time staff enter may lie ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MessageRegistry registry;
    private final MessageDeadlines deadlines;
    private final DepartmentStaff staff;
    private final OrganizationPolicies policies;

    public MessageSteps(MessageRegistry registry, MessageDeadlines deadlines, DepartmentStaff staff,
                        OrganizationPolicies policies) {
        this.registry = registry;
        this.deadlines = deadlines;
        this.staff = staff;
        this.policies = policies;
    }

    /** What the specialist entered in the registration form (MSG-8). */
    public record Detected(String organization, String network, String url, String externalId, String authorName,
                           String authorId, String text, Object detectedAt, Object postedAt, String topic,
                           String location) {
    }

    /**
     * MSG-6, MSG-8: a specialist registered a detected message in Tasklist: enters it in the registry with
     * its detection date and time, topic and location, and links the case. A post already in the registry is
     * refused, naming its entry.
     *
     * @throws MessageValidationException when a field is missing or invalid, or the post is registered
     */
    @Transactional
    public MessageEntry registerDetected(Detected d, String actor, String processInstanceId, Instant now) {
        if (d.organization() == null || !policies.exists(d.organization())) {
            throw new MessageValidationException("Не удалось определить организацию: запускать регистрацию может "
                    + "сотрудник одной организации.");
        }
        ZoneId zone = deadlines.zone(d.organization());
        Network network = network(d.network());
        String text = required(d.text(), "Текст сообщения");
        maxLength(text, 10000, "Текст сообщения");
        String url = trimToNull(d.url());
        if (url != null) {
            requireHttpUrl(url, "Ссылка на сообщение");
        }
        String externalId = trimToNull(d.externalId());
        if (url == null && externalId == null) {
            throw new MessageValidationException("Укажите ссылку на сообщение: по ней распознаётся повторное сообщение.");
        }
        Instant detectedAt = instant(d.detectedAt(), zone, "Дата и время обнаружения");
        if (detectedAt == null) {
            throw new MessageValidationException("Укажите дату и время обнаружения сообщения (MSG-8).");
        }
        if (detectedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new MessageValidationException("Дата и время обнаружения не могут быть в будущем.");
        }
        Instant postedAt = instant(d.postedAt(), zone, "Дата и время публикации");
        if (postedAt != null && postedAt.isAfter(detectedAt.plus(CLOCK_SKEW))) {
            throw new MessageValidationException("Сообщение не может быть опубликовано позже, чем обнаружено.");
        }
        NewMessage message = new NewMessage(d.organization(), network, externalId, url, trimToNull(d.authorName()),
                trimToNull(d.authorId()), text, postedAt == null ? null : postedAt.atZone(zone).toOffsetDateTime(),
                detectedAt, trimToNull(d.topic()), trimToNull(d.location()));
        Registration registration = registry.register(message, actor);
        if (!registration.created()) {
            throw new MessageValidationException("Это сообщение уже внесено в реестр под номером "
                    + registration.entry().businessKey() + ".");
        }
        registry.linkProcess(registration.entry().id(), processInstanceId, actor);
        return registry.find(registration.entry().id()).orElseThrow();
    }

    /** MSG-8: a message registered over the API is now worked on by this case. */
    @Transactional
    public MessageEntry caseStarted(long messageId, String processInstanceId) {
        MessageEntry entry = registry.find(messageId)
                .orElseThrow(() -> new IllegalStateException("Message " + messageId + " is not in the registry"));
        if (!processInstanceId.equals(entry.processInstanceId())) {
            registry.linkProcess(messageId, processInstanceId, null);
        }
        return registry.find(messageId).orElseThrow();
    }

    /**
     * MSG-8, MSG-11, MSG-12: the coordinator (or the substitute, MSG-3) set the importance category, the
     * responsible department and possibly a shortened deadline. Records the decision and returns the answer
     * deadline in force.
     *
     * @param regularAnswerDue  8 working hours after detection, as the diagram computes it (MSG-11)
     * @param elevatedAnswerDue 4 working hours after detection (MSG-12)
     * @throws MessageValidationException when a choice is missing or the shortened deadline is not shorter
     */
    @Transactional
    public Instant classify(long messageId, String organization, String importance, String department,
                            Object shortenedDeadline, Instant regularAnswerDue, Instant elevatedAnswerDue,
                            String actor, Instant now) {
        Importance chosen = importance(importance);
        String departmentId = department(organization, department);
        ZoneId zone = deadlines.zone(organization);
        Instant shortened = instant(shortenedDeadline, zone, "Сокращённый срок ответа");
        Instant answerDue = deadlines.answerDue(organization, chosen, regularAnswerDue, elevatedAnswerDue, shortened, now);
        registry.classify(messageId, chosen, List.of(departmentId), shortened, actor);
        return answerDue;
    }

    /** MSG-8: the department head — or, in the head's absence, an executor — received the message. */
    @Transactional
    public void received(long messageId, String department, String actor, Instant at) {
        registry.received(messageId, department, actor, at);
    }

    /**
     * MSG-7: the department head named the executor, who must be one of the department's executors.
     *
     * @throws MessageValidationException when no executor or an outsider is chosen
     */
    @Transactional
    public void assignExecutor(long messageId, String organization, String department, String executor, String actor) {
        String chosen = trimToNull(executor);
        if (chosen == null) {
            throw new MessageValidationException("Выберите исполнителя, который подготовит проект ответа (MSG-7).");
        }
        if (!staff.isExecutor(organization, department, chosen)) {
            throw new MessageValidationException("Пользователь " + chosen + " не входит в число исполнителей отдела «"
                    + staff.department(organization, department).name() + "».");
        }
        registry.executorAssigned(messageId, chosen, actor);
    }

    /**
     * MSG-13, MSG-15, MSG-22: the executor submitted a draft (answer, intermediate answer or clarification
     * request) with optional links to confirming photo and video.
     *
     * @throws MessageValidationException when the text or kind is missing or a link is invalid
     */
    @Transactional
    public AnswerKind submitDraft(long messageId, String kind, String text, String photoUrl, String videoUrl,
                                  String actor, boolean rework) {
        AnswerKind answerKind;
        try {
            answerKind = AnswerKind.valueOf(required(kind, "Вид ответа").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MessageValidationException("Неизвестный вид ответа: " + kind + ".");
        }
        String answer = required(text, "Текст проекта ответа");
        maxLength(answer, 10000, "Текст проекта ответа");
        if (trimToNull(photoUrl) != null) {
            requireHttpUrl(photoUrl.trim(), "Ссылка на фото");
        }
        if (trimToNull(videoUrl) != null) {
            requireHttpUrl(videoUrl.trim(), "Ссылка на видео");
        }
        registry.draftSubmitted(messageId, answerKind.name(), answer, actor, rework);
        return answerKind;
    }

    /**
     * MSG-14: the approver approved the draft or returned it; a return needs remarks.
     *
     * @return whether the draft is approved
     * @throws MessageValidationException when no decision is made or a return has no remarks
     */
    @Transactional
    public boolean decideApproval(long messageId, String decision, String remarks, String actor) {
        String d = required(decision, "Решение");
        boolean approved;
        if (MessageResponseProcess.DECISION_APPROVE.equals(d)) {
            approved = true;
        } else if (MessageResponseProcess.DECISION_RETURN.equals(d)) {
            approved = false;
            required(remarks, "Замечания");
        } else {
            throw new MessageValidationException("Неизвестное решение: " + decision + ".");
        }
        registry.approvalDecided(messageId, approved, trimToNull(remarks), actor);
        if (!approved) {
            registry.changeStatus(messageId, MessageStatus.REWORK);
        }
        return approved;
    }

    /**
     * MSG-16: the specialist posted the approved answer where the message appeared; records its link and time.
     *
     * @throws MessageValidationException when the link or time is missing or implausible
     */
    @Transactional
    public Instant posted(long messageId, String organization, String answerUrl, Object postedAt, Instant detectedAt,
                          String actor, Instant now) {
        String url = required(answerUrl, "Ссылка на размещённый ответ");
        requireHttpUrl(url, "Ссылка на размещённый ответ");
        Instant at = instant(postedAt, deadlines.zone(organization), "Дата и время размещения");
        if (at == null) {
            throw new MessageValidationException("Укажите дату и время размещения ответа (MSG-16).");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new MessageValidationException("Дата и время размещения не могут быть в будущем.");
        }
        if (detectedAt != null && at.isBefore(detectedAt)) {
            throw new MessageValidationException("Ответ не может быть размещён раньше, чем обнаружено сообщение.");
        }
        registry.answered(messageId, url, at, actor);
        return at;
    }

    /** MSG-26: the head of the body acknowledged the report of a message of elevated importance. */
    @Transactional
    public void acknowledged(long messageId, String actor, String instructions, Instant at) {
        String text = trimToNull(instructions);
        registry.appendEvent(messageId, MessageEvents.ELEVATED_ACKNOWLEDGED, actor, at, "MSG-26",
                text == null ? "Ознакомлен" : "Указания: " + text);
    }

    /** The case was cancelled (in Cockpit) before the answer was posted. */
    @Transactional
    public void cancelled(long messageId, String reason, Instant at) {
        registry.changeStatus(messageId, MessageStatus.CANCELLED);
        registry.appendEvent(messageId, "cancelled", null, at, null, reason);
    }

    // ---- checks ----

    private Importance importance(String value) {
        try {
            return Importance.valueOf(required(value, "Категория важности").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MessageValidationException("Неизвестная категория важности: " + value + ".");
        }
    }

    private String department(String organization, String value) {
        String id = required(value, "Ответственный отдел");
        boolean known = policies.get(organization).departments().stream().anyMatch(d -> d.id().equals(id));
        if (!known) {
            throw new MessageValidationException("Неизвестный отдел: " + value + ".");
        }
        return id;
    }

    private static Network network(String value) {
        try {
            return Network.valueOf(required(value, "Социальная сеть").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MessageValidationException("Неизвестная социальная сеть: " + value + ".");
        }
    }

    private static Instant instant(Object value, ZoneId zone, String field) {
        try {
            return Instants.of(value, zone);
        } catch (IllegalArgumentException e) {
            throw new MessageValidationException("Поле «" + field + "»: неверный формат даты и времени.");
        }
    }

    private static String required(String value, String field) {
        String trimmed = trimToNull(value);
        if (trimmed == null) {
            throw new MessageValidationException("Заполните поле «" + field + "».");
        }
        return trimmed;
    }

    private static void maxLength(String value, int max, String field) {
        if (value.length() > max) {
            throw new MessageValidationException("Поле «" + field + "» длиннее " + max + " символов.");
        }
    }

    static void requireHttpUrl(String url, String field) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new MessageValidationException("Поле «" + field + "»: некорректная ссылка.");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getRawAuthority() == null || uri.getRawAuthority().isBlank() || url.length() > 2048) {
            throw new MessageValidationException("Поле «" + field + "»: нужна ссылка, начинающаяся с http:// или https://.");
        }
    }

    static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
