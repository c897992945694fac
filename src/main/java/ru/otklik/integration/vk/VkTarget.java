package ru.otklik.integration.vk;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the answer to a VK message goes (MSG-16), read from the message's external id as {@link VkEvents}
 * builds it: a reply in the thread of a wall comment, a comment under a wall post, a comment in a board
 * topic, or a private message to the dialog. Says which method posts, which method shows whether an earlier
 * call posted after all, and the link of the posted item.
 */
record VkTarget(Kind kind, long groupId, long parentId, long itemId) {

    enum Kind { WALL_COMMENT, WALL_POST, BOARD_POST, MESSAGE }

    private static final Pattern WALL = Pattern.compile("wall-(\\d{1,18})_(\\d{1,18})(?:_(\\d{1,18}))?");
    private static final Pattern BOARD = Pattern.compile("board-(\\d{1,18})_(\\d{1,18})_(\\d{1,18})");
    private static final Pattern MESSAGE = Pattern.compile("msg-(\\d{1,18})_(\\d{1,18})_c?(\\d{1,18})");
    /** The comments or messages read back to find an answer an earlier call posted. */
    static final String LOOKBACK = "100";

    /** @return empty when the id is not one of VK's (e.g. a message reported with a link only) */
    static Optional<VkTarget> of(String externalId) {
        if (externalId == null) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = WALL.matcher(externalId)).matches()) {
            return Optional.of(m.group(3) == null
                    ? new VkTarget(Kind.WALL_POST, id(m, 1), id(m, 2), 0)
                    : new VkTarget(Kind.WALL_COMMENT, id(m, 1), id(m, 2), id(m, 3)));
        }
        if ((m = BOARD.matcher(externalId)).matches()) {
            return Optional.of(new VkTarget(Kind.BOARD_POST, id(m, 1), id(m, 2), id(m, 3)));
        }
        if ((m = MESSAGE.matcher(externalId)).matches()) {
            return Optional.of(new VkTarget(Kind.MESSAGE, id(m, 1), id(m, 2), id(m, 3)));
        }
        return Optional.empty();
    }

    private static long id(Matcher m, int group) {
        return Long.parseLong(m.group(group));
    }

    String postMethod() {
        return switch (kind) {
            case WALL_COMMENT, WALL_POST -> "wall.createComment";
            case BOARD_POST -> "board.createComment";
            case MESSAGE -> "messages.send";
        };
    }

    /**
     * @param uniqueId the posting's number: VK drops a repeated {@code random_id} of messages.send, and
     *                 {@code guid} of the comment methods guards against the same comment sent twice
     */
    Map<String, String> postParams(String text, long uniqueId) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (kind) {
            case WALL_COMMENT, WALL_POST -> {
                p.put("owner_id", "-" + groupId);
                p.put("post_id", Long.toString(parentId));
                p.put("from_group", Long.toString(groupId));
                if (kind == Kind.WALL_COMMENT) {
                    p.put("reply_to_comment", Long.toString(itemId));
                }
                p.put("guid", "otklik-" + uniqueId);
            }
            case BOARD_POST -> {
                p.put("group_id", Long.toString(groupId));
                p.put("topic_id", Long.toString(parentId));
                p.put("from_group", "1");
                p.put("guid", "otklik-" + uniqueId);
            }
            case MESSAGE -> {
                p.put("peer_id", Long.toString(parentId));
                p.put("random_id", Long.toString(uniqueId));
            }
        }
        p.put("message", text);
        return p;
    }

    /** The id of the posted item in the answer of {@link #postMethod()}. */
    long postedId(JsonNode response) {
        return kind == Kind.WALL_COMMENT || kind == Kind.WALL_POST ? response.path("comment_id").asLong(0)
                : response.asLong(0);
    }

    String lookupMethod() {
        return switch (kind) {
            case WALL_COMMENT, WALL_POST -> "wall.getComments";
            case BOARD_POST -> "board.getComments";
            case MESSAGE -> "messages.getHistory";
        };
    }

    /** The newest comments of the thread, post or topic, or the newest messages of the dialog. */
    Map<String, String> lookupParams() {
        Map<String, String> p = new LinkedHashMap<>();
        switch (kind) {
            case WALL_COMMENT, WALL_POST -> {
                p.put("owner_id", "-" + groupId);
                p.put("post_id", Long.toString(parentId));
                if (kind == Kind.WALL_COMMENT) {
                    p.put("comment_id", Long.toString(itemId));
                }
                p.put("sort", "desc");
            }
            case BOARD_POST -> {
                p.put("group_id", Long.toString(groupId));
                p.put("topic_id", Long.toString(parentId));
                p.put("sort", "desc");
            }
            case MESSAGE -> p.put("peer_id", Long.toString(parentId));
        }
        p.put("count", LOOKBACK);
        return p;
    }

    /**
     * The answer an earlier call posted, if it is among the items of {@link #lookupMethod()}: a message by its
     * {@code random_id}; a comment by the community with the same text (comments do not keep the guid).
     */
    Optional<Long> find(JsonNode response, String text, long uniqueId) {
        for (JsonNode item : response.path("items")) {
            boolean ours = kind == Kind.MESSAGE
                    ? item.path("random_id").asLong(0) == uniqueId
                    : item.path("from_id").asLong(0) == -groupId && text.strip().equals(item.path("text").asText("").strip());
            if (ours && item.path("id").asLong(0) > 0) {
                return Optional.of(item.path("id").asLong());
            }
        }
        return Optional.empty();
    }

    /** The link of the posted item, as VK shows it. */
    String url(long postedId) {
        return switch (kind) {
            case WALL_COMMENT -> "https://vk.com/wall-" + groupId + "_" + parentId + "?reply=" + postedId
                    + "&thread=" + itemId;
            case WALL_POST -> "https://vk.com/wall-" + groupId + "_" + parentId + "?reply=" + postedId;
            case BOARD_POST -> "https://vk.com/topic-" + groupId + "_" + parentId + "?post=" + postedId;
            case MESSAGE -> "https://vk.com/gim" + groupId + "?sel=" + parentId + "&msgid=" + postedId;
        };
    }
}
