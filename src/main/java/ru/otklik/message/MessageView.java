package ru.otklik.message;

import ru.otklik.organization.Network;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/messages/{id}}: the registry entry (MSG-8) with its journal and breached deadlines
 * (MSG-24, MSG-27). Instants carry the organization's offset, e.g. {@code 2026-11-23T10:35:00+07:00}.
 *
 * @param statusTitle the status as staff read it
 * @param deadlines   by step ({@code routing}, {@code answer}, {@code draft} …), as far as known
 * @param events      the journal, oldest first
 * @param violations  breached deadlines, in the order they were breached
 * @param authorBlacklisted ACC-10: at intake the author was on the blacklist of an account of the organization in
 *                          the network (the message is processed all the same)
 */
public record MessageView(long id, String org, String businessKey, Network network, String externalId, String url,
                          String authorName, String authorId, String text, String topic, String location,
                          OffsetDateTime postedAt, OffsetDateTime detectedAt, MessageStatus status,
                          String statusTitle, Importance importance, List<String> departments, String executor,
                          String processInstanceId, Map<String, OffsetDateTime> deadlines, List<Event> events,
                          List<ViolationView> violations, boolean authorBlacklisted) {

    /** An entry of the journal: who did which step when, under which rule. */
    public record Event(String step, String actor, OffsetDateTime occurredAt, String ruleId, String details) {
    }

    /** A breached deadline and the person responsible for it. */
    public record ViolationView(String step, String ruleId, String responsibleUser, OffsetDateTime dueAt,
                                OffsetDateTime actualAt) {
    }

    static MessageView of(MessageEntry e, List<MessageEvent> events, List<Violation> violations, ZoneId zone) {
        return new MessageView(e.id(), e.organization(), e.businessKey(), e.network(), e.externalId(), e.url(),
                e.authorName(), e.authorId(), e.text(), e.topic(), e.location(), at(e.postedAt(), zone),
                at(e.detectedAt(), zone), e.status(), e.status().title(), e.importance(), e.departments(),
                e.executor(), e.processInstanceId(), deadlines(e, zone),
                events.stream().map(v -> new Event(v.step(), v.actor(), at(v.occurredAt(), zone), v.ruleId(),
                        v.details())).toList(),
                violations.stream().map(v -> new ViolationView(v.step(), v.ruleId(), v.responsibleUser(),
                        at(v.dueAt(), zone), at(v.actualAt(), zone))).toList(),
                events.stream().anyMatch(v -> MessageIntakeService.EVENT_AUTHOR_BLACKLISTED.equals(v.step())));
    }

    /** The instant at the organization's offset; {@code null} stays {@code null}. */
    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** The entry's deadlines at the organization's offset, in the entry's order. */
    static Map<String, OffsetDateTime> deadlines(MessageEntry entry, ZoneId zone) {
        Map<String, OffsetDateTime> deadlines = new LinkedHashMap<>();
        entry.deadlines().forEach((step, due) -> deadlines.put(step, at(due, zone)));
        return Collections.unmodifiableMap(deadlines);
    }
}
