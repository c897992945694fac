package ru.otklik.message;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.organization.Network;
import ru.otklik.organization.OrganizationPolicies;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    private final WorkingTime workingTime;

    public MessageSteps(MessageRegistry registry, MessageDeadlines deadlines, DepartmentStaff staff,
                        OrganizationPolicies policies, WorkingTime workingTime) {
        this.registry = registry;
        this.deadlines = deadlines;
        this.staff = staff;
        this.policies = policies;
        this.workingTime = workingTime;
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
        return classify(messageId, organization, importance, departments(organization, department, null),
                shortenedDeadline, regularAnswerDue, elevatedAnswerDue, actor, now);
    }

    /** MSG-8, MSG-18: as above, with all responsible departments (several prepare a joint answer). */
    @Transactional
    public Instant classify(long messageId, String organization, String importance, List<String> departments,
                            Object shortenedDeadline, Instant regularAnswerDue, Instant elevatedAnswerDue,
                            String actor, Instant now) {
        Importance chosen = importance(importance);
        ZoneId zone = deadlines.zone(organization);
        Instant shortened = instant(shortenedDeadline, zone, "Сокращённый срок ответа");
        Instant answerDue = deadlines.answerDue(organization, chosen, regularAnswerDue, elevatedAnswerDue, shortened, now);
        registry.classify(messageId, chosen, departments, shortened, actor);
        return answerDue;
    }

    /**
     * MSG-8, MSG-10, MSG-18: the responsible department first, then the other competent departments chosen in
     * the form (a list, a JSON array or comma-separated text), each known and named once.
     *
     * @throws MessageValidationException when the department is missing or unknown
     */
    public List<String> departments(String organization, String department, Object others) {
        Set<String> all = new LinkedHashSet<>();
        all.add(department(organization, department));
        for (String other : values(others)) {
            all.add(department(organization, other));
        }
        return new ArrayList<>(all);
    }

    /**
     * MSG-9: a department returned the message as not its competence. The reason is required; the return is
     * due within {@code window} (PT15M in the diagram) of working time after the department's receipt — a later
     * return is recorded as a violation against whoever returned it.
     *
     * @throws MessageValidationException when the reason is missing
     */
    @Transactional
    public void returnNotCompetent(long messageId, String organization, String department, String reason,
                                   Instant receivedAt, String window, String actor, Instant now) {
        String why = required(reason, "Причина возврата");
        maxLength(why, 2000, "Причина возврата");
        Instant from = receivedAt == null ? now : receivedAt;
        Instant due = workingTime.after(organization, from, window == null ? "PT15M" : window).toInstant();
        registry.returnedNotCompetent(messageId, department, why, actor, now, due);
        if (now.isAfter(due)) {
            registry.recordViolation(messageId, MessageStep.RETURN, department, "MSG-9", actor, due, now);
        }
    }

    /** MSG-10: an ОТО specialist re-routed the returned message; returns the departments now responsible. */
    @Transactional
    public List<String> reroute(long messageId, String organization, String department, Object others, String actor) {
        List<String> departments = departments(organization, department, others);
        registry.rerouted(messageId, departments, actor);
        return departments;
    }

    /**
     * MSG-18, MSG-22: a department's executor sent its part of the joint answer.
     *
     * @throws MessageValidationException when the text is missing or a link is invalid
     */
    @Transactional
    public void partSubmitted(long messageId, String department, String text, String photoUrl, String videoUrl,
                              String actor) {
        String part = required(text, "Текст части ответа");
        maxLength(part, 10000, "Текст части ответа");
        StringBuilder details = new StringBuilder(part);
        if (trimToNull(photoUrl) != null) {
            requireHttpUrl(photoUrl.trim(), "Ссылка на фото");
            details.append(" [фото: ").append(photoUrl.trim()).append(']');
        }
        if (trimToNull(videoUrl) != null) {
            requireHttpUrl(videoUrl.trim(), "Ссылка на видео");
            details.append(" [видео: ").append(videoUrl.trim()).append(']');
        }
        registry.partSubmitted(messageId, department, details.toString(), actor);
    }

    /** MSG-19: the specialist composed the joint draft from the departments' parts. */
    @Transactional
    public AnswerKind composeJoint(long messageId, String kind, String text, String photoUrl, String videoUrl,
                                   String actor) {
        AnswerKind answerKind = submitDraft(messageId, kind, text, photoUrl, videoUrl, actor, false);
        registry.appendEvent(messageId, MessageEvents.JOINT_COMPOSED, actor, ProcessVariables.now(), "MSG-19",
                "Совместный проект ответа составлен");
        return answerKind;
    }

    /** MSG-19: the departments' parts as the specialist reads them when composing the joint draft. */
    public String jointParts(long messageId) {
        List<String> parts = registry.events(messageId).stream()
                .filter(e -> MessageEvents.PART_SUBMITTED.equals(e.step()))
                .map(e -> "- " + e.details() + " (" + e.actor() + ")").toList();
        List<String> returned = registry.events(messageId).stream()
                .filter(e -> MessageEvents.RETURNED_NOT_COMPETENT.equals(e.step()))
                .map(e -> "- " + e.details()).toList();
        StringBuilder text = new StringBuilder(parts.isEmpty() ? "Части не поступили." : String.join("\n", parts));
        if (!returned.isEmpty()) {
            text.append("\n\nВозвраты (MSG-9):\n").append(String.join("\n", returned));
        }
        return text.toString();
    }

    /** MSG-17: after the intermediate answer the final answer is due at {@code due}. */
    @Transactional
    public void finalAnswerScheduled(long messageId, Instant due) {
        registry.finalAnswerDue(messageId, due);
    }

    /**
     * MSG-6, MSG-13: the author replied to the clarification request; the reply's detection starts the next
     * answer round.
     *
     * @return the detection of the reply
     * @throws MessageValidationException when the time or text is missing or implausible
     */
    @Transactional
    public Instant authorReplied(long messageId, String organization, Object detectedAt, String text, String url,
                                 Instant clarificationPostedAt, String actor, Instant now) {
        Instant at = instant(detectedAt, deadlines.zone(organization), "Дата и время обнаружения ответа автора");
        if (at == null) {
            throw new MessageValidationException("Укажите дату и время обнаружения ответа автора (MSG-13).");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new MessageValidationException("Дата и время обнаружения ответа автора не могут быть в будущем.");
        }
        if (clarificationPostedAt != null && at.isBefore(clarificationPostedAt)) {
            throw new MessageValidationException("Ответ автора не может быть обнаружен раньше, чем размещён уточняющий вопрос.");
        }
        String reply = required(text, "Текст ответа автора");
        maxLength(reply, 10000, "Текст ответа автора");
        String link = trimToNull(url);
        if (link != null) {
            requireHttpUrl(link, "Ссылка на ответ автора");
        }
        registry.authorReplied(messageId, at, reply, link, actor);
        return at;
    }

    /** What the registration found about repeats (MSG-20): a confirmed earlier case, or one to confirm. */
    public record RepeatCheck(MessageEntry earlier, boolean confirmed) {
    }

    /**
     * MSG-20: a message marked as a repeat by reference (the business key of an earlier case of the organization)
     * is linked at once; otherwise the latest earlier case with the same author, network and topic detected
     * within {@code window} is offered to the specialist to confirm.
     *
     * @throws MessageValidationException when the reference names no earlier case of the organization
     */
    @Transactional
    public java.util.Optional<RepeatCheck> checkRepeat(MessageEntry entry, String reference, java.time.Duration window,
                                                       String actor) {
        String key = trimToNull(reference);
        if (key != null) {
            MessageEntry earlier = registry.findByBusinessKey(key)
                    .filter(e -> e.organization().equals(entry.organization()) && e.id() != entry.id())
                    .orElseThrow(() -> new MessageValidationException("Обращение " + key
                            + " не найдено в реестре организации: укажите номер ранее рассмотренного сообщения."));
            registry.markRepeat(entry.id(), earlier.id(), earlier.businessKey(), actor, "по ссылке");
            return java.util.Optional.of(new RepeatCheck(earlier, true));
        }
        return registry.findRepeatCandidate(entry.organization(), entry.network(), entry.authorId(), entry.topic(),
                        entry.detectedAt().minus(window), entry.detectedAt(), entry.id())
                .map(e -> new RepeatCheck(e, false));
    }

    /** MSG-20: the specialist confirmed or rejected the suspected repeat; returns the earlier case if confirmed. */
    @Transactional
    public java.util.Optional<MessageEntry> decideRepeat(long messageId, String candidateKey, String decision,
                                                         String actor) {
        String d = required(decision, "Повторное сообщение?");
        MessageEntry earlier = registry.findByBusinessKey(candidateKey)
                .orElseThrow(() -> new IllegalStateException("No message " + candidateKey));
        if ("YES".equals(d)) {
            registry.markRepeat(messageId, earlier.id(), earlier.businessKey(), actor, "совпадение подтверждено");
            return java.util.Optional.of(earlier);
        }
        if (!"NO".equals(d)) {
            throw new MessageValidationException("Неизвестное решение: " + decision + ".");
        }
        registry.appendEvent(messageId, MessageEvents.REPEAT_REJECTED, actor, ProcessVariables.now(), "MSG-20",
                "Не является повтором обращения " + earlier.businessKey());
        return java.util.Optional.empty();
    }

    /**
     * MSG-20: the answer to a repeat states the measures taken or the progress («Принятые меры / ход решения
     * вопроса»); a draft or an approval without them is refused.
     *
     * @throws MessageValidationException when they are missing
     */
    @Transactional
    public void requireMeasures(long messageId, String measures, boolean record) {
        String text = trimToNull(measures);
        if (text == null) {
            throw new MessageValidationException("Сообщение повторное (MSG-20): заполните поле «Принятые меры / ход "
                    + "решения вопроса» — без него проект ответа нельзя согласовать.");
        }
        maxLength(text, 10000, "Принятые меры / ход решения вопроса");
        if (record) {
            registry.measuresTaken(messageId, text);
        }
    }

    /** A multi-value form field: a Java collection, a JSON array (Spin) or comma-separated text. */
    static List<String> values(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(v -> addValue(out, v));
        } else if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
            json.elements().forEach(e -> addValue(out, e.isString() ? e.stringValue() : e.toString()));
        } else {
            String text = value.toString().trim();
            if (text.startsWith("[")) {
                try {
                    org.camunda.spin.Spin.JSON(text).elements()
                            .forEach(e -> addValue(out, e.isString() ? e.stringValue() : e.toString()));
                    return out;
                } catch (RuntimeException e) {
                    throw new MessageValidationException("Неверный список отделов: " + text + ".");
                }
            }
            for (String part : text.split(",")) {
                addValue(out, part);
            }
        }
        return out;
    }

    private static void addValue(List<String> out, Object v) {
        String s = v == null ? null : trimToNull(v.toString());
        if (s != null) {
            out.add(s);
        }
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
        return posted(messageId, organization, answerUrl, postedAt, detectedAt, AnswerKind.FINAL, actor, now);
    }

    /**
     * MSG-16, MSG-17, MSG-6: as above, for an answer of that kind: a final answer closes the case, an
     * intermediate one opens the round of the final answer, a clarification request waits for the author.
     */
    @Transactional
    public Instant posted(long messageId, String organization, String answerUrl, Object postedAt, Instant detectedAt,
                          AnswerKind kind, String actor, Instant now) {
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
        registry.answered(messageId, url, at, actor, kind);
        if (detectedAt != null) {
            // MSG-25: the working time to the first answer, for the monthly summary's median and 90th percentile
            registry.firstAnswerWorkingTime(messageId, workingTime.forOrganization(organization).between(detectedAt, at));
        }
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
