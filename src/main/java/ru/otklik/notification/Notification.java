package ru.otklik.notification;

import java.util.Objects;
import java.util.Set;

/**
 * A notification to staff, independent of the channel that delivers it. Recipients are Camunda user ids
 * and group ids of the organization.
 *
 * @param messageId the registry entry it concerns, if any
 * @param taskId    the Tasklist task it concerns, if any: channels that can show it there do so
 */
public record Notification(String organization, NotificationKind kind, Long messageId, String taskId,
                           Set<String> userIds, Set<String> groupIds, String subject, String body) {

    public Notification {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        userIds = userIds == null ? Set.of() : Set.copyOf(userIds);
        groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
        if (userIds.isEmpty() && groupIds.isEmpty()) {
            throw new IllegalArgumentException("A notification needs at least one recipient");
        }
    }
}
