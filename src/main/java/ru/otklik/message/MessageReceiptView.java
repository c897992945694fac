package ru.otklik.message;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The answer to {@code POST /api/messages}: the registry entry just created (201) or the one that already
 * holds the post (200). Instants carry the organization's offset.
 *
 * @param deadlines {@code routing} (MSG-8) and {@code answer} (MSG-11, MSG-12), and the deadline of any
 *                  later step that has started
 */
public record MessageReceiptView(long id, String businessKey, String processInstanceId, MessageStatus status,
                                 Map<String, OffsetDateTime> deadlines) {

    static MessageReceiptView of(MessageEntry entry, ZoneId zone) {
        return new MessageReceiptView(entry.id(), entry.businessKey(), entry.processInstanceId(), entry.status(),
                MessageView.deadlines(entry, zone));
    }
}
