package ru.otklik.content.moderation;

import ru.otklik.organization.Network;

import java.time.Instant;

/**
 * A moderation to record (ACC-10, MSG-23).
 *
 * @param organization the organization whose staff moderated
 * @param network      the network of the comment
 * @param accountId    the account the comment was on; {@code null} when not known (MSG-23 path)
 * @param messageId    the registry entry (MSG-23 path); {@code null} for a comment found on an account
 * @param commentUrl   the link to the comment
 * @param authorId     the network's id of the author
 * @param authorName   the author's name, if known
 * @param reason       ACC-10 reason
 * @param action       what was done
 * @param notes        optional note
 * @param moderator    who did it
 * @param at           when
 */
public record NewModeration(String organization, Network network, Long accountId, Long messageId, String commentUrl,
                            String authorId, String authorName, ModerationReason reason, ModerationAction action,
                            String notes, String moderator, Instant at) {
}
