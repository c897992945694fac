package ru.otklik.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikSpringTest;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/messages} and {@code GET /api/messages/{id}}: registration, the deadlines of the case,
 * idempotency and the entry with its journal. Expected deadlines are worked out by hand from the schedule
 * Mon–Fri 09:00–13:00, 14:00–18:00 (Asia/Novokuznetsk, +07:00) and the production calendar.
 */
@OtklikSpringTest
class MessageApiIntakeTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- test data shared by the MessageApi*Tests ----

    /** A VK comment to ZAGS as the monitoring system reports it, without a detection time. */
    static Map<String, Object> vkComment(String externalId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org", "zags");
        body.put("network", "VK");
        body.put("externalId", externalId);
        body.put("url", "https://vk.com/" + externalId.replace('_', '-') + "?reply=1");
        body.put("authorName", "Иван Петров");
        body.put("authorId", "id1234");
        body.put("text", "Добрый день! Подскажите, можно ли зарегистрировать брак в выходной день в Кемерове?");
        body.put("postedAt", "2026-11-23T10:05:00+07:00");
        body.put("topic", "Регистрация брака");
        body.put("location", "Кемерово");
        return body;
    }

    static String uniqueId() {
        return "wall-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Sets the engine clock to a local time in Kuzbass, e.g. {@code 2026-11-23T10:12}. */
    static void clockAt(String kuzbassLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(kuzbassLocalDateTime + ":00+07:00").toInstant()));
    }

    static ResponseEntity<JsonNode> post(TestRestTemplate rest, String user, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/messages", body, JsonNode.class);
    }

    static long messageRows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message", Long.class);
    }

    // ---- registration ----

    @Test
    @DisplayName("MSG-8, MSG-11: detected Monday 10:10 → 201, routing due 10:35, answer due Tuesday 10:10")
    void registersAndStartsTheCase() {
        clockAt("2026-11-23T10:12");
        Map<String, Object> body = vkComment("wall-123_456_789");
        body.put("url", "https://vk.com/wall-123_456?reply=789");
        body.put("detectedAt", "2026-11-23T10:10:00+07:00");
        long rowsBefore = messageRows(jdbc);
        long casesBefore = runtime.createProcessInstanceQuery().count();

        ResponseEntity<JsonNode> response = post(rest, "monitoring", body);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode receipt = response.getBody();
        long id = receipt.path("id").asLong();
        assertThat(response.getHeaders().getLocation()).isNotNull();
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/api/messages/" + id);
        assertThat(receipt.path("businessKey").asText()).matches("zags-2026-\\d{6}");
        String caseId = receipt.path("processInstanceId").asText();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).isEqualTo(1);
        assertThat(receipt.path("status").asText()).isNotBlank();
        // MSG-8: 25 working minutes after 10:10.
        assertThat(receipt.path("deadlines").path("routing").asText()).isEqualTo("2026-11-23T10:35:00+07:00");
        // MSG-11: 8 working hours: 10:10–13:00 (2 h 50) + 14:00–18:00 (4 h) = 6 h 50 on Monday, the remaining
        // 1 h 10 from 09:00 on Tuesday.
        assertThat(receipt.path("deadlines").path("answer").asText()).isEqualTo("2026-11-24T10:10:00+07:00");
        assertThat(messageRows(jdbc)).isEqualTo(rowsBefore + 1);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(casesBefore + 1);
        assertThat(jdbc.queryForObject("SELECT registered_by FROM message WHERE id = ?", String.class, id))
                .isEqualTo("monitoring");
    }

    @Test
    @DisplayName("MSG-8: without detectedAt the message counts as detected now; Friday 17:50 → routing Monday 09:15")
    void detectionDefaultsToNow() {
        clockAt("2026-11-27T17:50");

        ResponseEntity<JsonNode> response = post(rest, "monitoring", vkComment(uniqueId()));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        // 10 minutes on Friday, 15 from 09:00 on Monday 30 November.
        assertThat(response.getBody().path("deadlines").path("routing").asText()).isEqualTo("2026-11-30T09:15:00+07:00");
        // 8 h: 10 minutes on Friday; Monday 09:00–13:00 (4 h) and 14:00–17:50 (3 h 50).
        assertThat(response.getBody().path("deadlines").path("answer").asText()).isEqualTo("2026-11-30T17:50:00+07:00");
        JsonNode entry = get("monitoring", response.getHeaders().getLocation().getPath()).getBody();
        assertThat(entry.path("detectedAt").asText()).isEqualTo("2026-11-27T17:50:00+07:00");
    }

    @Test
    @DisplayName("MSG-8, MSG-11: the production calendar counts — 3 Nov 2026 ends at 17:00, 4 Nov is a holiday")
    void productionCalendar() {
        clockAt("2026-11-03T16:55");
        Map<String, Object> body = vkComment(uniqueId());
        body.put("detectedAt", "2026-11-03T16:50:00+07:00");
        body.put("postedAt", "2026-11-03T16:40:00+07:00");

        ResponseEntity<JsonNode> response = post(rest, "monitoring", body);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        // 10 minutes until the pre-holiday day ends at 17:00, then 15 from 09:00 on Thursday 5 November.
        assertThat(response.getBody().path("deadlines").path("routing").asText()).isEqualTo("2026-11-05T09:15:00+07:00");
        // 8 h: 10 minutes on Tuesday; Thursday 09:00–13:00 (4 h) and 14:00–17:50 (3 h 50).
        assertThat(response.getBody().path("deadlines").path("answer").asText()).isEqualTo("2026-11-05T17:50:00+07:00");
    }

    @Test
    @DisplayName("an ОТО specialist may report a message as well as the monitoring system")
    void specialistMayReport() {
        clockAt("2026-11-23T11:00");
        ResponseEntity<JsonNode> response = post(rest, "zags-specialist", vkComment(uniqueId()));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("SELECT registered_by FROM message WHERE id = ?", String.class,
                response.getBody().path("id").asLong())).isEqualTo("zags-specialist");
    }

    // ---- idempotency ----

    @Test
    @DisplayName("the same post again → 200 with the existing entry, by external id or by link; never a second case")
    void duplicatesReturnTheExistingEntry() {
        clockAt("2026-11-23T11:00");
        String externalId = uniqueId();
        Map<String, Object> first = vkComment(externalId);
        ResponseEntity<JsonNode> created = post(rest, "monitoring", first);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().path("id").asLong();
        long rowsBefore = messageRows(jdbc);
        long casesBefore = runtime.createProcessInstanceQuery().count();

        Map<String, Object> sameExternalId = vkComment(externalId);
        sameExternalId.put("url", null);
        sameExternalId.put("text", "Другой текст, та же публикация");
        ResponseEntity<JsonNode> again = post(rest, "zags-intake", sameExternalId);
        Map<String, Object> sameUrl = vkComment(uniqueId());
        sameUrl.put("url", first.get("url"));
        ResponseEntity<JsonNode> byUrl = post(rest, "monitoring", sameUrl);

        for (ResponseEntity<JsonNode> duplicate : List.of(again, byUrl)) {
            assertThat(duplicate.getStatusCode()).as(String.valueOf(duplicate.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(duplicate.getBody().path("id").asLong()).isEqualTo(id);
            assertThat(duplicate.getBody().path("businessKey").asText()).isEqualTo(created.getBody().path("businessKey").asText());
            assertThat(duplicate.getBody().path("processInstanceId").asText())
                    .isEqualTo(created.getBody().path("processInstanceId").asText());
            assertThat(duplicate.getBody().path("deadlines")).isEqualTo(created.getBody().path("deadlines"));
            assertThat(duplicate.getHeaders().getFirst(HttpHeaders.CONTENT_LOCATION)).endsWith("/api/messages/" + id);
        }
        assertThat(messageRows(jdbc)).isEqualTo(rowsBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(casesBefore);
        assertThat(jdbc.queryForObject("SELECT text FROM message WHERE id = ?", String.class, id))
                .as("a duplicate changes nothing").isEqualTo(first.get("text"));
    }

    @Test
    @DisplayName("the same external id in another network, or at another organization, is another post")
    void identityIsPerNetworkAndOrganization() {
        clockAt("2026-11-23T11:00");
        String externalId = uniqueId();
        ResponseEntity<JsonNode> vk = post(rest, "monitoring", vkComment(externalId));
        Map<String, Object> ok = vkComment(externalId);
        ok.put("network", "OK");
        ok.put("url", "https://ok.ru/group/1/topic/" + externalId);
        ResponseEntity<JsonNode> odnoklassniki = post(rest, "monitoring", ok);
        Map<String, Object> minzdrav = vkComment(externalId);
        minzdrav.put("org", "minzdrav");
        ResponseEntity<JsonNode> otherOrganization = post(rest, "monitoring", minzdrav);

        assertThat(vk.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(odnoklassniki.getStatusCode()).as(String.valueOf(odnoklassniki.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(otherOrganization.getStatusCode()).as(String.valueOf(otherOrganization.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        assertThat(otherOrganization.getBody().path("businessKey").asText()).startsWith("minzdrav-2026-");
        assertThat(Set.of(vk.getBody().path("id").asLong(), odnoklassniki.getBody().path("id").asLong(),
                otherOrganization.getBody().path("id").asLong())).hasSize(3);
    }

    // ---- GET /api/messages/{id} ----

    @Test
    @DisplayName("MSG-8: the entry shows every field, the deadlines and the journal with actors, in +07:00")
    void entryWithJournal() {
        clockAt("2026-11-23T10:12");
        Map<String, Object> body = vkComment(uniqueId());
        body.put("detectedAt", "2026-11-23T03:10:00Z");
        ResponseEntity<JsonNode> created = post(rest, "monitoring", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> response = get("zags-auditor", created.getHeaders().getLocation().getPath());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode entry = response.getBody();
        assertThat(entry.path("id").asLong()).isEqualTo(created.getBody().path("id").asLong());
        assertThat(entry.path("org").asText()).isEqualTo("zags");
        assertThat(entry.path("network").asText()).isEqualTo("VK");
        assertThat(entry.path("externalId").asText()).isEqualTo(body.get("externalId"));
        assertThat(entry.path("url").asText()).isEqualTo(body.get("url"));
        assertThat(entry.path("authorName").asText()).isEqualTo("Иван Петров");
        assertThat(entry.path("authorId").asText()).isEqualTo("id1234");
        assertThat(entry.path("text").asText()).isEqualTo(body.get("text"));
        assertThat(entry.path("topic").asText()).isEqualTo("Регистрация брака");
        assertThat(entry.path("location").asText()).isEqualTo("Кемерово");
        assertThat(entry.path("postedAt").asText()).isEqualTo("2026-11-23T10:05:00+07:00");
        assertThat(entry.path("detectedAt").asText()).isEqualTo("2026-11-23T10:10:00+07:00");
        assertThat(entry.path("status").asText()).isEqualTo(created.getBody().path("status").asText());
        assertThat(entry.path("statusTitle").asText())
                .isEqualTo(MessageStatus.valueOf(entry.path("status").asText()).title());
        assertThat(entry.path("processInstanceId").asText()).isEqualTo(created.getBody().path("processInstanceId").asText());
        assertThat(entry.path("deadlines").path("routing").asText()).isEqualTo("2026-11-23T10:35:00+07:00");
        assertThat(entry.path("deadlines").path("answer").asText()).isEqualTo("2026-11-24T10:10:00+07:00");
        JsonNode events = entry.path("events");
        assertThat(events.isArray()).isTrue();
        assertThat(StreamSupport.stream(events.spliterator(), false).map(e -> e.path("step").asText()))
                .contains(MessageEvents.REGISTERED);
        JsonNode registered = StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.path("step").asText().equals(MessageEvents.REGISTERED)).findFirst().orElseThrow();
        assertThat(registered.path("actor").asText()).isEqualTo("monitoring");
        assertThat(registered.path("ruleId").asText()).isEqualTo("MSG-8");
        assertThat(registered.path("occurredAt").asText()).isEqualTo("2026-11-23T10:12:00+07:00");
        assertThat(entry.path("violations").isArray()).isTrue();
        assertThat(entry.path("violations")).isEmpty();
    }

    @Test
    @DisplayName("GET of an unknown id, a non-numeric id or another organization's message → 404, no existence leaked")
    void entryNotFound() {
        clockAt("2026-11-23T11:00");
        ResponseEntity<JsonNode> created = post(rest, "monitoring", vkComment(uniqueId()));
        String path = created.getHeaders().getLocation().getPath();

        assertThat(get("zags-head", path).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> foreign = get("minzdrav-coordinator", path);
        ResponseEntity<JsonNode> unknown = get("zags-head", "/api/messages/999999999");
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody().path("detail").asText().replaceAll("\\d", ""))
                .as("the same answer as for a message that does not exist")
                .isEqualTo(unknown.getBody().path("detail").asText().replaceAll("\\d", ""));
        assertThat(get("zags-head", "/api/messages/abc").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity(path, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }
}
