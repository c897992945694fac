package ru.otklik.content.moderation;

import ru.otklik.organization.Network;

import java.time.Instant;

/** A row of the moderation log (ACC-10, MSG-23). */
public record ModerationEntry(long id, String organization, Network network, Long accountId, Long messageId,
                              String commentUrl, String authorId, String authorName, ModerationReason reason,
                              String reasonTitle, ModerationAction action, String actionTitle, String notes,
                              String source, String moderatedBy, Instant moderatedAt) {
}
