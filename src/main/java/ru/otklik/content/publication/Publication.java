package ru.otklik.content.publication;

import java.time.Instant;

/** An entry of the publication log (ACC-7, ACC-8, ACC-12). */
public record Publication(long id, long accountId, String organization, Instant publishedAt, PublicationKind kind,
                          String repostSource, PublicationFormat format, String link, String topic, String source,
                          String enteredBy, Instant enteredAt) {
}
