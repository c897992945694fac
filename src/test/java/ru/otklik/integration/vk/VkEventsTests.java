package ru.otklik.integration.vk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import ru.otklik.message.MessageRequest;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mapping of Callback API events without the application. */
class VkEventsTests {

    static final Instant RECEIVED = Instant.parse("2026-11-24T04:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @DisplayName("a text over 10 000 characters is cut without splitting an emoji; an empty one is marked")
    void text() {
        String longText = "а".repeat(VkEvents.TEXT_MAX - 2) + "😀" + "конец";
        MessageRequest cut = VkEvents.toRequest(VkEvents.WALL_REPLY_NEW, comment(longText), 5, "zags", RECEIVED);
        assertThat(cut.text()).hasSizeLessThanOrEqualTo(VkEvents.TEXT_MAX).endsWith("а…");

        MessageRequest empty = VkEvents.toRequest(VkEvents.WALL_REPLY_NEW, comment(""), 5, "zags", RECEIVED);
        assertThat(empty.text()).isEqualTo(VkEvents.NO_TEXT);
        assertThat(empty.postedAt().toInstant()).isEqualTo(Instant.ofEpochSecond(1_795_143_900L));
        assertThat(empty.detectedAt().toInstant()).isEqualTo(RECEIVED);
    }

    @Test
    @DisplayName("an event without the ids of its item is malformed, naming the field")
    void malformed() {
        ObjectNode comment = comment("Текст");
        comment.put("post_id", "12");
        assertThatThrownBy(() -> VkEvents.toRequest(VkEvents.WALL_REPLY_NEW, comment, 5, "zags", RECEIVED))
                .isInstanceOf(VkEvents.MalformedEventException.class).hasMessageContaining("object.post_id");
    }

    private ObjectNode comment(String text) {
        return json.createObjectNode().put("id", 3).put("post_id", 2).put("from_id", 77).put("owner_id", -5)
                .put("date", 1_795_143_900L).put("text", text);
    }
}
