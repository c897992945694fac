package ru.otklik.integration.posting;

import ru.otklik.organization.Network;

/**
 * Posts an approved answer in the network where the message appeared (MSG-16), through that network's API.
 * One implementation per network (VK today); {@link AnswerPublishing} picks it by the message's network, so a
 * further network is one more bean and the process does not change.
 */
public interface AnswerPublisher {

    Network network();

    /** Whether this answer can be posted automatically: the publisher knows its target and has a token. */
    boolean canPublish(Answer answer);

    /**
     * Posts the answer, at most once per {@link Answer#postingKey()} even when called again after a failure
     * whose outcome was unknown (a timeout).
     *
     * @throws PublishingException when the network refused the answer or could not be reached
     */
    Published publish(Answer answer);
}
