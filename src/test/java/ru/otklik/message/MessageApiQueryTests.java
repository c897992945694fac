package ru.otklik.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import ru.otklik.support.OtklikSpringTest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.message.MessageApiIntakeTests.clockAt;
import static ru.otklik.message.MessageApiIntakeTests.uniqueId;
import static ru.otklik.message.MessageApiIntakeTests.vkComment;

/**
 * {@code GET /api/messages}: pages of the registry, newest detection first, limited to the caller's
 * organizations. The messages of this class are detected in the week of 7 December 2026, which the
 * queries select with {@code from}/{@code to}, so that other classes' messages in the shared database
 * do not count.
 */
@OtklikSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageApiQueryTests {

    private static final String WEEK = "from=2026-12-07T00:00:00%2B07:00&to=2026-12-14T00:00:00%2B07:00";

    @Autowired
    TestRestTemplate rest;

    /** Ids of the zags messages, in the order of detection. */
    private final List<Long> zags = new ArrayList<>();
    private long minzdrav;

    // Once per class, but inside a test method: process test coverage records only within a test.
    @BeforeEach
    void fiveZagsMessagesAndOneOfMinzdrav() {
        if (!zags.isEmpty()) {
            return;
        }
        clockAt("2026-12-08T17:00");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = vkComment(uniqueId());
            body.put("postedAt", null);
            body.put("detectedAt", "2026-12-08T1" + i + ":00:00+07:00");
            zags.add(created(body).path("id").asLong());
        }
        Map<String, Object> health = vkComment(uniqueId());
        health.put("org", "minzdrav");
        health.put("postedAt", null);
        health.put("detectedAt", "2026-12-08T12:30:00+07:00");
        health.put("topic", "Запись к врачу");
        minzdrav = created(health).path("id").asLong();
        ClockUtil.reset();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    private JsonNode created(Map<String, Object> body) {
        ResponseEntity<JsonNode> response = MessageApiIntakeTests.post(rest, "monitoring", body);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    /** The query goes out as written: {@code %2B} stays an encoded plus. */
    private ResponseEntity<JsonNode> get(String user, String query) {
        return rest.withBasicAuth(user, "demo").getForEntity(URI.create("/api/messages?" + query), JsonNode.class);
    }

    private static List<Long> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(i -> i.path("id").asLong()).toList();
    }

    @Test
    @DisplayName("pages of 2, newest detection first, with the total")
    void paging() {
        JsonNode first = get("zags-auditor", WEEK + "&org=zags&size=2").getBody();
        JsonNode third = get("zags-auditor", WEEK + "&org=zags&size=2&page=2").getBody();

        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("total").asLong()).isEqualTo(5);
        assertThat(ids(first)).containsExactly(zags.get(4), zags.get(3));
        assertThat(third.path("page").asInt()).isEqualTo(2);
        assertThat(ids(third)).containsExactly(zags.get(0));
        JsonNode item = first.path("items").get(0);
        assertThat(item.path("org").asText()).isEqualTo("zags");
        assertThat(item.path("detectedAt").asText()).isEqualTo("2026-12-08T14:00:00+07:00");
        assertThat(item.path("deadlines").path("routing").asText()).isEqualTo("2026-12-08T14:25:00+07:00");
        assertThat(item.has("text")).as("the list leaves the text to GET /api/messages/{id}").isFalse();
    }

    @Test
    @DisplayName("default page 0 of 20; from is inclusive, to exclusive; status filters")
    void filters() {
        JsonNode week = get("zags-head", WEEK).getBody();
        assertThat(week.path("size").asInt()).isEqualTo(20);
        assertThat(ids(week)).containsExactly(zags.get(4), zags.get(3), zags.get(2), zags.get(1), zags.get(0));

        JsonNode window = get("zags-head",
                "from=2026-12-08T11:00:00%2B07:00&to=2026-12-08T13:00:00%2B07:00").getBody();
        assertThat(ids(window)).containsExactly(zags.get(2), zags.get(1));

        String status = get("zags-head", WEEK).getBody().path("items").get(0).path("status").asText();
        assertThat(ids(get("zags-head", WEEK + "&status=" + status).getBody())).contains(zags.get(4));
        String other = status.equals("ANSWERED") ? "CANCELLED" : "ANSWERED";
        assertThat(get("zags-head", WEEK + "&status=" + other).getBody().path("total").asLong()).isZero();
    }

    @Test
    @DisplayName("an unencoded + of the offset (a space) is read as +")
    void unencodedOffset() {
        // a client that forgets to encode "+" sends it as is, which the server decodes to a space
        JsonNode window = rest.withBasicAuth("zags-head", "demo").getForEntity(
                URI.create("/api/messages?from=2026-12-08T11:00:00+07:00&to=2026-12-08T13:00:00+07:00"),
                JsonNode.class).getBody();
        assertThat(ids(window)).containsExactly(zags.get(2), zags.get(1));
    }

    @Test
    @DisplayName("a zags user never sees minzdrav messages: the list holds only zags, org=minzdrav → 403")
    void tenantRestriction() {
        JsonNode all = get("zags-auditor", WEEK + "&size=100").getBody();
        assertThat(StreamSupport.stream(all.path("items").spliterator(), false).map(i -> i.path("org").asText()))
                .containsOnly("zags");
        assertThat(ids(all)).doesNotContain(minzdrav);
        assertThat(all.path("total").asLong()).isEqualTo(5);

        ResponseEntity<JsonNode> foreign = get("zags-auditor", WEEK + "&org=minzdrav");
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getBody().path("detail").asText()).contains("minzdrav");

        assertThat(ids(get("minzdrav-coordinator", WEEK).getBody())).containsExactly(minzdrav);
        // monitoring is in every organization's intake group
        assertThat(ids(get("monitoring", WEEK).getBody())).hasSize(6).contains(minzdrav);
    }

    @Test
    @DisplayName("an unknown organization → 404")
    void unknownOrganization() {
        assertThat(get("zags-auditor", "org=mvd").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "status=OPEN                                  | status",
            "from=yesterday                               | from",
            "from=2026-12-08T10:00:00                     | from",
            "to=2026-12-08                                | to",
            "from=2026-12-09T00:00:00Z&to=2026-12-08T00:00:00Z | to",
            "page=-1                                      | page",
            "page=first                                   | page",
            "size=0                                       | size",
            "size=101                                     | size",
            "size=ten                                     | size"})
    void invalidParameter(String query, String parameter) {
        ResponseEntity<JsonNode> response = get("zags-auditor", query);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asText()).isEqualTo(parameter);
    }

    @Test
    @DisplayName("a bad parameter is a 400 even with an organization of another tenant")
    void parametersBeforeAccess() {
        ResponseEntity<JsonNode> response = get("zags-auditor", "org=minzdrav&size=1000");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asText()).isEqualTo("size");
    }
}
