package ru.otklik.message;

import ru.otklik.organization.Network;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of the registry of messages (MSG-8).
 *
 * @param importance  set by the coordinator; {@code null} until then
 * @param departments ids of the responsible departments (policy file), empty until routed
 * @param executor    user id of the executor the department head chose, if any
 * @param deadlines   the deadlines known so far, by {@link MessageStep#key()}, in the order of the steps
 */
public record MessageEntry(long id, String organization, String businessKey, Network network, String externalId,
                           String url, String authorName, String authorId, String text, String topic,
                           String location, Instant postedAt, Instant detectedAt, MessageStatus status,
                           Importance importance, List<String> departments, String executor,
                           String processInstanceId, Map<String, Instant> deadlines) {

    public MessageEntry {
        departments = departments == null ? List.of() : List.copyOf(departments);
        deadlines = deadlines == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deadlines));
    }
}
