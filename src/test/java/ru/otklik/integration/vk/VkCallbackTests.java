package ru.otklik.integration.vk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.account.AccountRegistry;
import ru.otklik.account.NetworkDomains;
import ru.otklik.organization.Network;
import ru.otklik.support.OtklikSpringTest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The VK Callback API intake (MSG-8) over HTTP, on the shared application context. */
@OtklikSpringTest
class VkCallbackTests {

    static final String CALLBACK = "/api/integrations/vk/callback";
    static final String CONFIRMATION = "a1b2c3d4";
    static final String SECRET = "Kz7secretKeyOfTheCommunity42";
    /** Tuesday 24.11.2026 11:00 in Kuzbass. */
    static final Instant NOW = OffsetDateTime.parse("2026-11-24T11:00:00+07:00").toInstant();
    static final long POSTED = NOW.getEpochSecond() - 600;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    AccountRegistry accounts;

    private final ObjectMapper json = new ObjectMapper();
    private long groupId;

    @BeforeEach
    void connectedCommunity() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        groupId = activeVkAccount("zags", accounts);
        ResponseEntity<JsonNode> saved = putSettings("zags-registry", groupId, CONFIRMATION, SECRET);
        assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("MSG-8: confirmation answers the community's confirmation string as text/plain")
    void handshake() {
        ResponseEntity<String> response = post(Map.of("type", "confirmation", "group_id", groupId));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(response.getBody()).isEqualTo(CONFIRMATION);
    }

    @Test
    @DisplayName("MSG-8: an event with a wrong or missing secret key is refused with 403, nothing stored")
    void wrongSecret() {
        Map<String, Object> wrong = event("wall_reply_new", comment(7, 11, 5001), "not-the-secret");
        Map<String, Object> missing = event("wall_reply_new", comment(7, 11, 5001), null);

        assertThat(post(wrong).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(missing).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(messages()).isZero();
    }

    @Test
    @DisplayName("MSG-8: events of a community that is not connected are refused with 404")
    void unknownGroup() {
        long unknown = groupId + 1;
        Map<String, Object> event = event("wall_reply_new", comment(7, 11, 5001), SECRET);
        event.put("group_id", unknown);

        assertThat(post(event).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(Map.of("type", "confirmation", "group_id", unknown)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("MSG-8: a malformed body is a 400 and stores nothing")
    void malformedJson() {
        assertThat(postRaw("{\"type\": \"wall_reply_new\", \"group_id\": " + groupId).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("[1, 2]").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postRaw("{\"type\": \"" + "x".repeat(VkController.MAX_BODY) + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(post(Map.of("type", "wall_reply_new", "group_id", "club" + groupId)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> noPost = event("wall_reply_new", Map.of("id", 1, "from_id", 7, "date", POSTED,
                "text", "Без номера записи"), SECRET);
        ResponseEntity<String> response = post(noPost);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("object.post_id");
        assertThat(messages()).isZero();
    }

    @Test
    @DisplayName("MSG-8: the same event delivered three times makes one message and one case")
    void resentEvent() {
        Map<String, Object> event = event("wall_reply_new", comment(42, 11, 5001), SECRET);

        for (int i = 0; i < 3; i++) {
            ResponseEntity<String> response = post(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).isEqualTo("ok");
        }

        assertThat(messages()).isEqualTo(1);
        assertOneCase("wall-" + groupId + "_11_5001");
    }

    @Test
    @DisplayName("MSG-8: 10 concurrent deliveries of one event make one message and one case")
    void concurrentDeliveries() throws Exception {
        Map<String, Object> event = event("wall_reply_new", comment(42, 12, 6001), SECRET);

        List<ResponseEntity<String>> responses = concurrently(rest, json.writeValueAsString(event), 10);

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(r.getBody()).isEqualTo("ok");
        });
        assertThat(messages()).isEqualTo(1);
        assertOneCase("wall-" + groupId + "_12_6001");
    }

    @Test
    @DisplayName("MSG-8: the community's own comments and posts, and reposts, are answered ok and not stored")
    void ownCommentIgnored() {
        ResponseEntity<String> ownComment = post(event("wall_reply_new", comment(-groupId, 11, 5002), SECRET));
        ResponseEntity<String> ownPost = post(event("wall_post_new", post(-groupId, 13, "post"), SECRET));
        ResponseEntity<String> repost = post(event("wall_post_new", post(42, 14, "copy"), SECRET));
        ResponseEntity<String> otherCommunity = post(event("board_post_new", board(-5, 3, 77), SECRET));

        assertThat(List.of(ownComment, ownPost, repost, otherCommunity)).allSatisfy(r -> {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(r.getBody()).isEqualTo("ok");
        });
        assertThat(messages()).isZero();
    }

    @Test
    @DisplayName("MSG-8: an event type that is not handled is answered ok, so that VK stops resending it")
    void unknownType() {
        ResponseEntity<String> response = post(event("group_join", Map.of("user_id", 42, "join_type", "join"),
                SECRET));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("ok");
        assertThat(messages()).isZero();
    }

    @Test
    @DisplayName("MSG-8: each supported event type gives its external id, link, author, text and time")
    void supportedTypes() {
        post(event("wall_reply_new", comment(101, 20, 700), SECRET));
        post(event("wall_post_new", post(102, 21, "suggest"), SECRET));
        post(event("board_post_new", board(103, 5, 900), SECRET));
        post(event("message_new", Map.of("message", Map.of("id", 31, "peer_id", 104, "from_id", 104,
                "date", POSTED, "text", "Сообщение в личку")), SECRET));
        post(event("message_new", Map.of("id", 32, "peer_id", 104, "from_id", 104, "date", POSTED,
                "text", "Второе сообщение"), SECRET));
        post(event("message_new", Map.of("message", Map.of("id", 0, "conversation_message_id", 8,
                "peer_id", 2000000001, "from_id", 105, "date", POSTED, "text", "")), SECRET));

        String g = Long.toString(groupId);
        assertMessage("wall-" + g + "_20_700", "https://vk.com/wall-" + g + "_20?reply=700", "id101", "Комментарий 700");
        assertMessage("wall-" + g + "_21", "https://vk.com/wall-" + g + "_21", "id102", "Запись 21");
        assertMessage("board-" + g + "_5_900", "https://vk.com/topic-" + g + "_5?post=900", "id103",
                "Обсуждение 900");
        assertMessage("msg-" + g + "_104_31", "https://vk.com/gim" + g + "?sel=104&msgid=31", "id104",
                "Сообщение в личку");
        assertMessage("msg-" + g + "_104_32", "https://vk.com/gim" + g + "?sel=104&msgid=32", "id104",
                "Второе сообщение");
        assertMessage("msg-" + g + "_2000000001_c8", "https://vk.com/gim" + g + "?sel=2000000001&cmid=8", "id105",
                VkEvents.NO_TEXT);
        Map<String, Object> row = jdbc.queryForMap("SELECT organization_id, network, posted_at, detected_at, "
                + "registered_by FROM message WHERE external_id = ?", "wall-" + g + "_20_700");
        assertThat(row.get("organization_id")).isEqualTo("zags");
        assertThat(row.get("network")).isEqualTo(Network.VK.name());
        assertThat(instant(row.get("posted_at"))).isEqualTo(Instant.ofEpochSecond(POSTED));
        assertThat(instant(row.get("detected_at"))).isEqualTo(NOW);
        assertThat(row.get("registered_by")).isEqualTo(VkCallback.ACTOR);
    }

    @Test
    @DisplayName("the secret key is stored encrypted and never echoed")
    void secretEncrypted() {
        String stored = jdbc.queryForObject("SELECT secret_cipher FROM vk_community WHERE group_id = ?",
                String.class, groupId);

        assertThat(stored).isNotEqualTo(SECRET).doesNotContain(SECRET).startsWith("v1:");
        ResponseEntity<JsonNode> again = putSettings("zags-registry", groupId, CONFIRMATION, SECRET);
        assertThat(again.getBody().toString()).doesNotContain(SECRET);
        assertThat(again.getBody().path("secretSet").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT secret_cipher FROM vk_community WHERE group_id = ?", String.class,
                groupId)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    @DisplayName("ACC-2: only the registry keeper of the account's organization connects the community")
    void settingsAccess() {
        assertThat(putSettings("minsoc-registry", groupId, CONFIRMATION, SECRET).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(putSettings("zags-specialist", groupId, CONFIRMATION, SECRET).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(putSettings("demo", groupId, "ffff0000", SECRET).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(putSettings("zags-registry", groupId + 1, CONFIRMATION, SECRET).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> invalid = putSettings("zags-registry", groupId, CONFIRMATION, "с кириллицей");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().path("field").asText()).isEqualTo("secret");
        assertThat(invalid.getBody().toString()).doesNotContain("с кириллицей");
        assertThat(rest.exchange("/api/integrations/vk/communities/" + groupId, HttpMethod.PUT,
                new HttpEntity<>(Map.of("confirmation", CONFIRMATION, "secret", SECRET)), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---- helpers ----

    /** A new active VK account of the organization in the registry of accounts; its community id. */
    static long activeVkAccount(String org, AccountRegistry accounts) {
        long groupId = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        accounts.insertImported(new AccountRegistry.NewAccount(org, Network.VK,
                        NetworkDomains.parse(Network.VK, "https://vk.com/club" + groupId, "url"), "Тестовое сообщество",
                        "club" + groupId, "Аккаунт органа", org + "-registry"),
                new AccountRegistry.ExistingDetails(LocalDate.of(2020, 1, 15), true, true, true, true,
                        LocalDate.of(2026, 10, 1), List.of(org + "-accounts")),
                "test");
        return groupId;
    }

    ResponseEntity<JsonNode> putSettings(String user, long group, String confirmation, String secret) {
        return putSettings(rest, user, group, confirmation, secret);
    }

    static ResponseEntity<JsonNode> putSettings(TestRestTemplate rest, String user, long group, String confirmation,
                                                String secret) {
        return rest.withBasicAuth(user, "demo").exchange("/api/integrations/vk/communities/" + group, HttpMethod.PUT,
                new HttpEntity<>(Map.of("confirmation", confirmation, "secret", secret)), JsonNode.class);
    }

    Map<String, Object> event(String type, Map<String, Object> object, String secret) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("object", object);
        event.put("group_id", groupId);
        event.put("event_id", "e" + Math.abs(object.hashCode()));
        event.put("v", "5.199");
        if (secret != null) {
            event.put("secret", secret);
        }
        return event;
    }

    Map<String, Object> comment(long fromId, long postId, long commentId) {
        return Map.of("id", commentId, "from_id", fromId, "post_id", postId, "owner_id", -groupId, "date", POSTED,
                "text", "Комментарий " + commentId);
    }

    Map<String, Object> post(long fromId, long postId, String postType) {
        return Map.of("id", postId, "from_id", fromId, "owner_id", -groupId, "date", POSTED,
                "post_type", postType, "text", "Запись " + postId);
    }

    Map<String, Object> board(long fromId, long topicId, long postId) {
        return Map.of("id", postId, "from_id", fromId, "topic_id", topicId, "topic_owner_id", -groupId,
                "date", POSTED, "text", "Обсуждение " + postId);
    }

    ResponseEntity<String> post(Object event) {
        try {
            return postRaw(json.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseEntity<String> postRaw(String body) {
        return postRaw(rest, body);
    }

    static ResponseEntity<String> postRaw(TestRestTemplate rest, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity(CALLBACK, new HttpEntity<>(body, headers), String.class);
    }

    /** Delivers the body {@code count} times at once: all threads wait at a start gate, then post together. */
    static List<ResponseEntity<String>> concurrently(TestRestTemplate rest, String body, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return postRaw(rest, body);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<ResponseEntity<String>> responses = new ArrayList<>();
            for (Future<ResponseEntity<String>> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Messages of this test's community. */
    long messages() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE url LIKE ? OR url LIKE ?", Long.class,
                "%-" + groupId + "\\_%", "%/gim" + groupId + "?%");
    }

    void assertOneCase(String externalId) {
        String businessKey = jdbc.queryForObject("SELECT business_key FROM message WHERE external_id = ?",
                String.class, externalId);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count())
                .isEqualTo(1);
    }

    void assertMessage(String externalId, String url, String authorId, String text) {
        Map<String, Object> row = jdbc.queryForMap("SELECT url, author_id, text FROM message WHERE external_id = ?",
                externalId);
        assertThat(row.get("url")).isEqualTo(url);
        assertThat(row.get("author_id")).isEqualTo(authorId);
        assertThat(row.get("text")).isEqualTo(text);
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }
}
