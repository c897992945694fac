package ru.otklik.integration.vk;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.account.AccountRegistry;
import ru.otklik.support.OtklikPostgresTest;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.integration.vk.VkCallbackTests.CONFIRMATION;
import static ru.otklik.integration.vk.VkCallbackTests.NOW;
import static ru.otklik.integration.vk.VkCallbackTests.POSTED;
import static ru.otklik.integration.vk.VkCallbackTests.SECRET;

/** The VK Callback API on a real PostgreSQL: the table of communities and concurrent deliveries of one event. */
@OtklikPostgresTest
class VkCallbackPostgresTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    AccountRegistry accounts;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("PostgreSQL, MSG-8: handshake, then 10 concurrent deliveries of one comment → one message, one case")
    void concurrentDeliveries() throws Exception {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        ClockUtil.setCurrentTime(Date.from(NOW));
        long groupId = VkCallbackTests.activeVkAccount("minsoc", accounts);
        assertThat(VkCallbackTests.putSettings(rest, "minsoc-registry", groupId, CONFIRMATION, SECRET)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ObjectMapper json = new ObjectMapper();
        assertThat(VkCallbackTests.postRaw(rest, json.writeValueAsString(Map.of("type", "confirmation",
                "group_id", groupId))).getBody()).isEqualTo(CONFIRMATION);
        String event = json.writeValueAsString(Map.of("type", "wall_reply_new", "group_id", groupId,
                "secret", SECRET, "object", Map.of("id", 9, "from_id", 77, "post_id", 3, "owner_id", -groupId,
                        "date", POSTED, "text", "Когда починят дорогу?")));

        List<ResponseEntity<String>> responses = VkCallbackTests.concurrently(rest, event, 10);

        assertThat(responses).allSatisfy(r -> assertThat(r.getBody()).isEqualTo("ok"));
        String externalId = "wall-" + groupId + "_3_9";
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE external_id = ?", Long.class, externalId))
                .isEqualTo(1);
        String businessKey = jdbc.queryForObject("SELECT business_key FROM message WHERE external_id = ?",
                String.class, externalId);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT secret_cipher FROM vk_community WHERE group_id = ?", String.class,
                groupId)).doesNotContain(SECRET);
    }
}
