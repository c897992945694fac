package ru.otklik.integration.posting;

import ru.otklik.organization.Network;

/**
 * An approved answer to post (MSG-16).
 *
 * @param externalId the network's id of the message answered (e.g. {@code wall-123_456_789})
 * @param postingKey names this posting round of the case; a repeated call with the same key posts nothing new
 */
public record Answer(long messageId, String organization, Network network, String externalId, String url,
                     String text, String postingKey) {
}
