package ru.otklik.notification;

import java.time.Instant;
import java.util.Set;

/** A notification as kept in the table {@code notification}. */
public record StoredNotification(long id, String organization, NotificationKind kind, Long messageId, String taskId,
                                 Set<String> userIds, Set<String> groupIds, String subject, String body,
                                 Instant createdAt) {

    /** The notification as it was sent. */
    public Notification notification() {
        return new Notification(organization, kind, messageId, taskId, userIds, groupIds, subject, body);
    }
}
