package ru.otklik.integration.vk;

import com.fasterxml.jackson.databind.JsonNode;
import ru.otklik.integration.IntakeRequests;
import ru.otklik.message.MessageRequest;
import ru.otklik.organization.Network;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Turns a Callback API event of a community into the detected message it reports (MSG-8), or into nothing
 * when it reports nothing to answer (the community's own comments and posts). The external id and the link
 * are built from VK's ids, so that a resent event is recognized as the same message.
 *
 * <p>Event shapes as of API 5.199: the comment, post or board post is the {@code object}; a message is
 * {@code object.message} (before 5.103, the {@code object} itself).
 */
final class VkEvents {

    static final String WALL_REPLY_NEW = "wall_reply_new";
    static final String WALL_POST_NEW = "wall_post_new";
    static final String BOARD_POST_NEW = "board_post_new";
    static final String MESSAGE_NEW = "message_new";
    static final Set<String> SUPPORTED = Set.of(WALL_REPLY_NEW, WALL_POST_NEW, BOARD_POST_NEW, MESSAGE_NEW);

    /** Posts by users: an ordinary post on an open wall and a post suggested to the community. */
    private static final Set<String> USER_POST_TYPES = Set.of("post", "suggest");
    /** Shown when a user sent only attachments (a photo, a sticker): the registry needs a text. */
    static final String NO_TEXT = "[без текста: только вложения]";
    /** The registry stores 10 000 characters of text; a VK wall post may hold more. */
    static final int TEXT_MAX = 10_000;

    private VkEvents() {
    }

    /**
     * @param type    a type of {@link #SUPPORTED}
     * @param object  the event's {@code object}
     * @return the message, or {@code null} when the event is by the community itself
     * @throws MalformedEventException when a field the message needs is missing
     */
    static MessageRequest toRequest(String type, JsonNode object, long groupId, String organization,
                                    Instant receivedAt) {
        return switch (type) {
            case WALL_REPLY_NEW -> wallReply(object, groupId, organization, receivedAt);
            case WALL_POST_NEW -> wallPost(object, groupId, organization, receivedAt);
            case BOARD_POST_NEW -> boardPost(object, groupId, organization, receivedAt);
            case MESSAGE_NEW -> message(object, groupId, organization, receivedAt);
            default -> throw new IllegalArgumentException("Unsupported event type " + type);
        };
    }

    private static MessageRequest wallReply(JsonNode comment, long groupId, String org, Instant receivedAt) {
        long fromId = id(comment, "from_id");
        if (fromId <= 0) {
            return null; // the community (or another community) commenting: nothing to answer
        }
        long postId = id(comment, "post_id");
        long commentId = id(comment, "id");
        return request(org, "wall-" + groupId + "_" + postId + "_" + commentId,
                "https://vk.com/wall-" + groupId + "_" + postId + "?reply=" + commentId, fromId, comment,
                receivedAt);
    }

    private static MessageRequest wallPost(JsonNode post, long groupId, String org, Instant receivedAt) {
        long fromId = id(post, "from_id");
        String postType = post.path("post_type").asText("post");
        if (fromId <= 0 || !USER_POST_TYPES.contains(postType)) {
            return null; // the community's own post, a repost or a postponed post
        }
        long postId = id(post, "id");
        return request(org, "wall-" + groupId + "_" + postId, "https://vk.com/wall-" + groupId + "_" + postId,
                fromId, post, receivedAt);
    }

    private static MessageRequest boardPost(JsonNode post, long groupId, String org, Instant receivedAt) {
        long fromId = id(post, "from_id");
        if (fromId <= 0) {
            return null;
        }
        long topicId = id(post, "topic_id");
        long postId = id(post, "id");
        return request(org, "board-" + groupId + "_" + topicId + "_" + postId,
                "https://vk.com/topic-" + groupId + "_" + topicId + "?post=" + postId, fromId, post, receivedAt);
    }

    private static MessageRequest message(JsonNode object, long groupId, String org, Instant receivedAt) {
        JsonNode message = object.has("message") ? object.path("message") : object;
        long fromId = id(message, "from_id");
        if (fromId <= 0) {
            return null;
        }
        long peerId = id(message, "peer_id");
        long messageId = message.path("id").asLong(0);
        // Message ids count per community, and the dialog link is the same for every message of the dialog:
        // both carry the community and the message so that two messages are never taken for one. Messages of
        // group chats carry id 0; their number within the conversation identifies them.
        String number;
        String anchor;
        if (messageId > 0) {
            number = Long.toString(messageId);
            anchor = "&msgid=" + messageId;
        } else {
            long conversationMessageId = id(message, "conversation_message_id");
            number = "c" + conversationMessageId;
            anchor = "&cmid=" + conversationMessageId;
        }
        return request(org, "msg-" + groupId + "_" + peerId + "_" + number,
                "https://vk.com/gim" + groupId + "?sel=" + peerId + anchor, fromId, message, receivedAt);
    }

    /** The one place a {@link MessageRequest} is built from an event. */
    private static MessageRequest request(String org, String externalId, String url, long fromId, JsonNode item,
                                          Instant receivedAt) {
        JsonNode textNode = item.path("text");
        if (!textNode.isMissingNode() && !textNode.isNull() && !textNode.isTextual()) {
            throw new MalformedEventException("object.text", "поле object.text не является строкой");
        }
        String text = textNode.asText("");
        if (text.isBlank()) {
            text = NO_TEXT;
        } else if (text.length() > TEXT_MAX) {
            int end = Character.isHighSurrogate(text.charAt(TEXT_MAX - 2)) ? TEXT_MAX - 2 : TEXT_MAX - 1;
            text = text.substring(0, end) + "…";
        }
        JsonNode dateNode = item.path("date");
        if (!dateNode.isMissingNode() && !dateNode.isNull()
                && (!dateNode.isIntegralNumber() || !dateNode.canConvertToLong() || dateNode.asLong() <= 0)) {
            throw new MalformedEventException("object.date", "поле object.date не является временем Unix в секундах");
        }
        long date = dateNode.asLong(0);
        OffsetDateTime postedAt = date > 0 ? OffsetDateTime.ofInstant(Instant.ofEpochSecond(date), ZoneOffset.UTC) : null;
        OffsetDateTime detectedAt = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
        return IntakeRequests.of(org, Network.VK, externalId, url, null, "id" + fromId, text, postedAt, detectedAt,
                null, null);
    }

    private static long id(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new MalformedEventException("object." + field);
        }
        return value.asLong();
    }

    /** The event lacks a field its type must have. */
    static class MalformedEventException extends RuntimeException {

        private final String field;

        MalformedEventException(String field) {
            super("поле " + field + " отсутствует или не является целым числом");
            this.field = field;
        }

        MalformedEventException(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
