package ru.otklik.content.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import ru.otklik.account.AccountRegistry;
import ru.otklik.support.OtklikSpringTest;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.content.moderation.ModerationTesting.unique;
import static ru.otklik.content.moderation.ModerationTesting.vkAccount;

/** ACC-10 over REST: the moderation form, the log, the blacklists, and the blacklist mark on intake. */
@OtklikSpringTest
class ModerationApiTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    AccountRegistry accounts;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Map<String, Object> form(long accountId, String authorId, String reason, List<String> actions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("commentUrl", "https://vk.com/wall-1_2?reply=" + unique());
        body.put("authorId", authorId);
        body.put("reason", reason);
        body.put("actions", actions);
        return body;
    }

    ResponseEntity<JsonNode> post(String user, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/moderation", body, JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String url) {
        return rest.withBasicAuth(user, "demo").getForEntity(url, JsonNode.class);
    }

    @Test
    @DisplayName("ACC-10: nkr — 400 without blacklisting, 201 with it; the log and the account's blacklist show it")
    void nkrModeration() {
        long account = vkAccount(accounts, "nkr");
        String author = "id" + unique();

        ResponseEntity<JsonNode> refused = post("nkr-accounts", form(account, author, "INSULT", List.of("DELETED")));
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("field").asText()).isEqualTo("actions");
        assertThat(refused.getBody().path("detail").asText()).contains("чёрный список");

        ResponseEntity<JsonNode> created = post("nkr-accounts", form(account, author, "INSULT",
                List.of("DELETED", "AUTHOR_BLACKLISTED")));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("action").asText()).isEqualTo("DELETED_AND_BLACKLISTED");
        assertThat(created.getBody().path("reasonTitle").asText()).isEqualTo("оскорбления");
        assertThat(created.getBody().path("moderatedBy").asText()).isEqualTo("nkr-accounts");
        long id = created.getBody().path("id").asLong();

        ResponseEntity<JsonNode> log = get("nkr-accounts", "/api/moderation?org=nkr");
        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(StreamSupport.stream(log.getBody().spliterator(), false).map(e -> e.path("id").asLong()))
                .contains(id);

        ResponseEntity<JsonNode> blacklist = get("nkr-accounts", "/api/accounts/" + account + "/blacklist");
        assertThat(blacklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(blacklist.getBody()).hasSize(1);
        assertThat(blacklist.getBody().get(0).path("authorId").asText()).isEqualTo(author);
    }

    @Test
    @DisplayName("ACC-10: zags — a deletion alone is accepted")
    void zagsOptional() {
        long account = vkAccount(accounts, "zags");
        ResponseEntity<JsonNode> created = post("zags-accounts", form(account, "id" + unique(), "SPAM",
                List.of("DELETED")));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("action").asText()).isEqualTo("DELETED");
        assertThat(get("zags-accounts", "/api/accounts/" + account + "/blacklist").getBody()).isEmpty();
    }

    @Test
    @DisplayName("ACC-10: another organization's account 404, another organization's log 403, invalid fields 400")
    void isolationAndValidation() {
        long nkrAccount = vkAccount(accounts, "nkr");
        long zagsAccount = vkAccount(accounts, "zags");

        assertThat(post("zags-accounts", form(nkrAccount, "id" + unique(), "SPAM",
                List.of("DELETED", "AUTHOR_BLACKLISTED"))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("zags-accounts", "/api/accounts/" + nkrAccount + "/blacklist").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("zags-accounts", "/api/moderation?org=nkr").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("zags-accounts", "/api/moderation?org=nowhere").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(field(post("zags-accounts", form(zagsAccount, "id1", "RUDE", List.of("DELETED")))))
                .isEqualTo("reason");
        assertThat(field(post("zags-accounts", form(zagsAccount, "id1", null, List.of("DELETED")))))
                .isEqualTo("reason");
        assertThat(field(post("zags-accounts", form(zagsAccount, "id1", "SPAM", List.of("BANNED")))))
                .isEqualTo("actions");
        assertThat(field(post("zags-accounts", form(zagsAccount, "id1", "SPAM", List.of()))))
                .isEqualTo("actions");
        Map<String, Object> noLink = form(zagsAccount, "id1", "SPAM", List.of("DELETED"));
        noLink.remove("commentUrl");
        assertThat(field(post("zags-accounts", noLink))).isEqualTo("commentUrl");
        Map<String, Object> noAccount = form(zagsAccount, "id1", "SPAM", List.of("DELETED"));
        noAccount.remove("accountId");
        assertThat(field(post("zags-accounts", noAccount))).isEqualTo("accountId");
        assertThat(field(get("zags-accounts", "/api/moderation"))).isEqualTo("org");
        assertThat(field(get("zags-accounts", "/api/moderation?org=zags&from=вчера"))).isEqualTo("from");
    }

    private static String field(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        return response.getBody().path("field").asText();
    }

    @Test
    @DisplayName("ACC-10: a message of a blacklisted author is registered as usual and marked in its entry and journal")
    void intakeFlag() {
        long account = vkAccount(accounts, "zags");
        String author = "id" + unique();
        assertThat(post("zags-accounts", form(account, author, "THREAT", List.of("DELETED", "AUTHOR_BLACKLISTED")))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-23T10:12:00+07:00").toInstant()));

        ResponseEntity<JsonNode> reported = rest.withBasicAuth("monitoring", "demo").postForEntity("/api/messages",
                message(author), JsonNode.class);
        ResponseEntity<JsonNode> other = rest.withBasicAuth("monitoring", "demo").postForEntity("/api/messages",
                message("id" + unique()), JsonNode.class);

        assertThat(reported.getStatusCode()).as(String.valueOf(reported.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode entry = get("zags-specialist", "/api/messages/" + reported.getBody().path("id").asLong()).getBody();
        assertThat(entry.path("authorBlacklisted").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(entry.path("events").spliterator(), false)
                .filter(e -> e.path("step").asText().equals("author-blacklisted"))
                .map(e -> e.path("details").asText()))
                .singleElement().asString().startsWith("Автор в чёрном списке аккаунта https://vk.com/club");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode otherEntry = get("zags-specialist", "/api/messages/" + other.getBody().path("id").asLong()).getBody();
        assertThat(otherEntry.path("authorBlacklisted").asBoolean()).isFalse();
    }

    private static Map<String, Object> message(String authorId) {
        String post = "wall-" + unique();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org", "zags");
        body.put("network", "VK");
        body.put("externalId", post);
        body.put("url", "https://vk.com/" + post + "?reply=1");
        body.put("authorName", "Аноним");
        body.put("authorId", authorId);
        body.put("text", "Вопрос о регистрации брака");
        body.put("postedAt", "2026-11-23T10:05:00+07:00");
        body.put("detectedAt", "2026-11-23T10:10:00+07:00");
        body.put("topic", "Регистрация брака");
        body.put("location", "Кемерово");
        return body;
    }
}
