package ru.otklik.content.moderation;

import ru.otklik.organization.Network;

import java.time.Instant;

/** An author on an account's blacklist (ACC-10). */
public record BlacklistEntry(long id, long accountId, String accountUrl, String organization, Network network,
                            String authorId, ModerationReason reason, String reasonTitle, Long moderationId,
                            String addedBy, Instant addedAt) {
}
