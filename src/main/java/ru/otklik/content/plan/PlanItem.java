package ru.otklik.content.plan;

import ru.otklik.content.publication.PublicationFormat;

import java.time.Instant;

/** A planned publication of the content plan (ACC-6). */
public record PlanItem(long id, long accountId, String organization, Instant plannedAt, String topic,
                       PublicationFormat format, String responsible, PlanItemStatus status, Long publicationId,
                       String createdBy, Instant createdAt) {
}
