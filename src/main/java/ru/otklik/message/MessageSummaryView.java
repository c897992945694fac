package ru.otklik.message;

import ru.otklik.organization.Network;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * An item of {@code GET /api/messages}: the registry entry without its text, journal and violations
 * ({@code GET /api/messages/{id}} has them). Instants carry the organization's offset.
 */
public record MessageSummaryView(long id, String org, String businessKey, Network network, String externalId,
                                 String url, String authorName, String topic, String location,
                                 OffsetDateTime postedAt, OffsetDateTime detectedAt, MessageStatus status,
                                 String statusTitle, Importance importance, List<String> departments,
                                 String executor, String processInstanceId, Map<String, OffsetDateTime> deadlines) {

    static MessageSummaryView of(MessageEntry e, ZoneId zone) {
        return new MessageSummaryView(e.id(), e.organization(), e.businessKey(), e.network(), e.externalId(),
                e.url(), e.authorName(), e.topic(), e.location(), MessageView.at(e.postedAt(), zone),
                MessageView.at(e.detectedAt(), zone), e.status(), e.status().title(), e.importance(),
                e.departments(), e.executor(), e.processInstanceId(), MessageView.deadlines(e, zone));
    }
}
