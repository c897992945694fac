package ru.otklik.content.moderation;

import java.util.List;

/**
 * {@code POST /api/moderation}: the moderation form for a comment found on one of the organization's accounts
 * (ACC-10).
 *
 * @param accountId  the account in the registry the comment was on
 * @param commentUrl the link to the comment
 * @param authorId   the network's id of the author
 * @param authorName the author's name (optional)
 * @param reason     LAW_VIOLATION, SPAM, INSULT, OBSCENITY or THREAT
 * @param actions    DELETED and/or AUTHOR_BLACKLISTED
 * @param notes      optional note
 */
public record ModerationRequest(Long accountId, String commentUrl, String authorId, String authorName, String reason,
                                List<String> actions, String notes) {
}
