package ru.otklik.message;

import ru.otklik.organization.Network;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A detected message as reported for registration (MSG-8): where it appeared, who wrote it, what it says,
 * when it was detected, its topic and location.
 *
 * @param postedAt   when the author posted it, if known
 * @param detectedAt when a specialist or a monitoring system detected it; the deadlines run from here
 */
public record NewMessage(String organization, Network network, String externalId, String url, String authorName,
                         String authorId, String text, OffsetDateTime postedAt, Instant detectedAt, String topic,
                         String location) {
}
