package ru.otklik.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikSpringTest;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.message.MessageApiIntakeTests.clockAt;
import static ru.otklik.message.MessageApiIntakeTests.messageRows;
import static ru.otklik.message.MessageApiIntakeTests.uniqueId;
import static ru.otklik.message.MessageApiIntakeTests.vkComment;

/**
 * Requests {@code POST /api/messages} refuses, each with a problem naming the field, and with nothing
 * stored: no registry row, no case. The checks run in the order shape (400), organization (404), access
 * (403); authentication (401) comes first of all.
 */
@OtklikSpringTest
class MessageApiValidationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    private long rowsBefore;
    private long casesBefore;

    @BeforeEach
    void countWhatIsStored() {
        // Monday 23 November 2026, 12:00 in Kuzbass
        clockAt("2026-11-23T12:00");
        rowsBefore = messageRows(jdbc);
        casesBefore = runtime.createProcessInstanceQuery().count();
    }

    @AfterEach
    void nothingStored() {
        try {
            assertThat(messageRows(jdbc)).as("rows in the registry").isEqualTo(rowsBefore);
            assertThat(runtime.createProcessInstanceQuery().count()).as("cases").isEqualTo(casesBefore);
        } finally {
            ClockUtil.reset();
        }
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("org is missing", "org", b -> b.remove("org")),
                invalid("org is blank", "org", b -> b.put("org", "  ")),
                invalid("org is an object", "org", b -> b.put("org", Map.of("id", "zags"))),
                invalid("network is missing", "network", b -> b.remove("network")),
                invalid("network is not one of the list", "network", b -> b.put("network", "MYSPACE")),
                invalid("network is a number", "network", b -> b.put("network", 1)),
                invalid("text is missing", "text", b -> b.remove("text")),
                invalid("text is blank", "text", b -> b.put("text", " \n\t ")),
                invalid("text is a number", "text", b -> b.put("text", 42)),
                invalid("text is longer than 10 000 characters", "text", b -> b.put("text", "я".repeat(10_001))),
                invalid("neither externalId nor url", "externalId", b -> {
                    b.remove("externalId");
                    b.put("url", " ");
                }),
                invalid("externalId is longer than 200 characters", "externalId",
                        b -> b.put("externalId", "x".repeat(201))),
                invalid("url is not http(s)", "url", b -> b.put("url", "ftp://vk.com/wall-1_2")),
                invalid("url is relative", "url", b -> b.put("url", "/wall-1_2?reply=3")),
                invalid("url is not a URL", "url", b -> b.put("url", "https://vk.com/wall 1")),
                invalid("url is longer than 2000 characters", "url",
                        b -> b.put("url", "https://vk.com/" + "a".repeat(2000))),
                invalid("authorName is longer than 255 characters", "authorName",
                        b -> b.put("authorName", "Иван".repeat(64))),
                invalid("authorId is longer than 200 characters", "authorId", b -> b.put("authorId", "1".repeat(201))),
                invalid("topic is longer than 255 characters", "topic", b -> b.put("topic", "т".repeat(256))),
                invalid("location is longer than 255 characters", "location", b -> b.put("location", "К".repeat(256))),
                invalid("detectedAt is 6 minutes in the future", "detectedAt",
                        b -> b.put("detectedAt", "2026-11-23T12:06:00+07:00")),
                invalid("detectedAt has no offset", "detectedAt", b -> b.put("detectedAt", "2026-11-23T10:10:00")),
                invalid("detectedAt is not a date", "detectedAt", b -> b.put("detectedAt", "вчера")),
                invalid("postedAt is after detectedAt", "postedAt", b -> {
                    b.put("detectedAt", "2026-11-23T10:10:00+07:00");
                    b.put("postedAt", "2026-11-23T11:00:00+07:00");
                }),
                invalid("postedAt is not a date", "postedAt", b -> b.put("postedAt", "23.11.2026 10:05")),
                invalid("an unknown property", "autor", b -> b.put("autor", "Иван Петров")),
                invalid("a shape error wins over an unknown organization", "text", b -> {
                    b.put("org", "mvd");
                    b.remove("text");
                }));
    }

    private static Arguments invalid(String description, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = vkComment(uniqueId());
        change.accept(body);
        return Arguments.of(description, field, body);
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @MethodSource("invalidBodies")
    void invalidRequest(String description, String field, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = MessageApiIntakeTests.post(rest, "monitoring", body);

        assertThat(response.getStatusCode()).as(description + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = response.getBody();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("field").asText()).as(description).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("message").asText()).as("a Russian explanation")
                .containsPattern("[а-яё]");
    }

    @Test
    @DisplayName("a body that is not JSON → 400 naming the body")
    void notJson() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = rest.withBasicAuth("monitoring", "demo")
                .postForEntity("/api/messages", new HttpEntity<>("{\"org\": \"zags\", ", headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asText()).isEqualTo("body");
    }

    @Test
    @DisplayName("an unknown organization → 404, after the shape is valid")
    void unknownOrganization() {
        Map<String, Object> body = vkComment(uniqueId());
        body.put("org", "mvd");
        ResponseEntity<JsonNode> response = MessageApiIntakeTests.post(rest, "monitoring", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("detail").asText()).contains("mvd");
        // the organization is looked up before access is checked
        assertThat(MessageApiIntakeTests.post(rest, "minzdrav-intake", body).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("the intake user of another organization → 403")
    void otherTenant() {
        ResponseEntity<JsonNode> response = MessageApiIntakeTests.post(rest, "minzdrav-intake", vkComment(uniqueId()));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().path("detail").asText()).contains("zags");
    }

    @Test
    @DisplayName("staff of the organization who are neither intake nor specialists → 403")
    void neitherIntakeNorSpecialist() {
        assertThat(MessageApiIntakeTests.post(rest, "zags-auditor", vkComment(uniqueId())).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(MessageApiIntakeTests.post(rest, "zags-executor-yur", vkComment(uniqueId())).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @DisplayName("a shape error is reported to a user of another organization as well: 400 before 403")
    void shapeBeforeAccess() {
        Map<String, Object> body = vkComment(uniqueId());
        body.put("network", "MYSPACE");
        ResponseEntity<JsonNode> response = MessageApiIntakeTests.post(rest, "minzdrav-intake", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asText()).isEqualTo("network");
    }

    @Test
    @DisplayName("without credentials or with a wrong password → 401")
    void unauthenticated() {
        assertThat(rest.postForEntity("/api/messages", vkComment(uniqueId()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // A failed login makes Camunda delay the user's next one, counted from the engine clock: on the real
        // clock and with a user no other test logs in with, the delay harms nobody.
        ClockUtil.reset();
        assertThat(rest.withBasicAuth("nkr-auditor", "wrong").postForEntity("/api/messages", vkComment(uniqueId()),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("a body that is not JSON at all → 415")
    void notJsonMediaType() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<JsonNode> response = rest.withBasicAuth("monitoring", "demo")
                .postForEntity("/api/messages", new HttpEntity<>("org=zags", headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
}
