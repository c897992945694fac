package ru.otklik.retention;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases of ZAGS reported by the monitoring system at a given time, for the retention tests. */
record RetentionTesting(TestRestTemplate rest, JdbcTemplate jdbc, RuntimeService runtime) {

    record Case(long id, String businessKey, String processInstanceId, String url, String authorId, String text) {
    }

    /** A VK post reported an hour before {@code at}; its case stays open. */
    Case report(OffsetDateTime at, String authorName) {
        clockAt(at.minusHours(1));
        String externalId = "wall-" + UUID.randomUUID().toString().substring(0, 12);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org", "zags");
        body.put("network", "VK");
        body.put("externalId", externalId);
        body.put("url", "https://vk.com/" + externalId);
        body.put("authorName", authorName);
        body.put("authorId", "id-" + externalId);
        body.put("text", "Меня зовут " + authorName + ", живу на ул. Весенней, 5. Когда откроют ЗАГС после ремонта? "
                + externalId);
        body.put("topic", "Регистрация брака");
        body.put("location", "Кемерово");
        ResponseEntity<JsonNode> response = rest.withBasicAuth("monitoring", "demo")
                .postForEntity("/api/messages", body, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = response.getBody().get("id").asLong();
        Map<String, Object> row = message(id);
        return new Case(id, (String) row.get("BUSINESS_KEY"), (String) row.get("PROCESS_INSTANCE_ID"),
                (String) body.get("url"), (String) body.get("authorId"), (String) body.get("text"));
    }

    /** Reported an hour before {@code endedAt}; the case is cancelled (in Cockpit) at {@code endedAt}. */
    Case reportAndCancel(OffsetDateTime endedAt, String authorName) {
        Case c = report(endedAt, authorName);
        clockAt(endedAt);
        runtime.deleteProcessInstance(c.processInstanceId(), "Отменено администратором");
        assertThat(message(c.id())).containsEntry("STATUS", "CANCELLED");
        return c;
    }

    /** The registry row, column names in upper case. */
    Map<String, Object> message(long id) {
        Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.putAll(jdbc.queryForMap("SELECT * FROM message WHERE id = ?", id));
        Map<String, Object> upper = new LinkedHashMap<>();
        row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
        return upper;
    }

    static void clockAt(OffsetDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    }
}
