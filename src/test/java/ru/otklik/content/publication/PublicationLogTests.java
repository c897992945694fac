package ru.otklik.content.publication;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.otklik.account.AccountRegistry;
import ru.otklik.support.OtklikSpringTest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.otklik.content.ContentTesting.*;

/** The publication log: REST entry, validation naming the field, the CSV import, SQL counts per Kuzbass week. */
@OtklikSpringTest
class PublicationLogTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRegistry registry;
    @Autowired
    PublicationLog log;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Map<String, Object> publication(long account, String publishedAt, String link) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", account);
        body.put("publishedAt", publishedAt);
        body.put("format", "PHOTO");
        body.put("link", link);
        body.put("topic", "День открытых дверей");
        return body;
    }

    int stored(long account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE account_id = ?", Integer.class, account);
    }

    @Test
    @DisplayName("ACC-12, ACC-8: POST /api/publications → 201 with kind, format and the normalized link; GET by account and days")
    void createAndList() {
        String slug = "zags_" + unique();
        long account = activeAccount(registry, "zags", slug);
        Map<String, Object> body = publication(account, "2026-11-20T10:15", "https://www.vk.com/wall-1_" + unique() + "/");
        body.put("kind", "REPOST");
        body.put("repostSource", "https://vk.com/kuzbass_gov");

        ResponseEntity<JsonNode> created = rest.withBasicAuth("zags-accounts", "demo")
                .postForEntity("/api/publications", body, JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().path("kind").asText()).isEqualTo("REPOST");
        assertThat(created.getBody().path("format").asText()).isEqualTo("PHOTO");
        assertThat(created.getBody().path("link").asText()).startsWith("https://vk.com/wall-1_").doesNotEndWith("/");
        // local time without an offset is read in the organization's zone
        assertThat(created.getBody().path("publishedAt").asText()).isEqualTo("2026-11-20T03:15:00Z");
        assertThat(created.getBody().path("enteredBy").asText()).isEqualTo("zags-accounts");

        JsonNode list = rest.withBasicAuth("zags-accounts", "demo")
                .getForObject("/api/publications?account=" + account + "&from=2026-11-20&to=2026-11-20", JsonNode.class);
        assertThat(list).hasSize(1);
        JsonNode none = rest.withBasicAuth("zags-accounts", "demo")
                .getForObject("/api/publications?account=" + account + "&from=2026-11-21&to=2026-11-22", JsonNode.class);
        assertThat(none).isEmpty();
    }

    @Test
    @DisplayName("ACC-12, ACC-8: invalid input → 400 naming the field, nothing stored")
    void validation() {
        long account = activeAccount(registry, "zags", "zags_" + unique());
        String link = "https://vk.com/wall-1_" + unique();
        record Case(String field, Map<String, Object> body) {
        }
        Map<String, Object> otherNetwork = publication(account, "2026-11-20T10:15", "https://ok.ru/group/1");
        Map<String, Object> noFormat = publication(account, "2026-11-20T10:15", link);
        noFormat.remove("format");
        Map<String, Object> badFormat = publication(account, "2026-11-20T10:15", link);
        badFormat.put("format", "PODCAST");
        Map<String, Object> repostWithoutSource = publication(account, "2026-11-20T10:15", link);
        repostWithoutSource.put("kind", "REPOST");
        Map<String, Object> badTime = publication(account, "20.11.2026", link);
        Map<String, Object> future = publication(account, "2099-01-01T10:00", link);
        Map<String, Object> noAccount = publication(account, "2026-11-20T10:15", link);
        noAccount.remove("account");
        for (Case c : new Case[]{new Case("link", otherNetwork), new Case("format", noFormat),
                new Case("format", badFormat), new Case("repostSource", repostWithoutSource),
                new Case("publishedAt", badTime), new Case("publishedAt", future), new Case("account", noAccount)}) {
            ResponseEntity<JsonNode> response = rest.withBasicAuth("zags-accounts", "demo")
                    .postForEntity("/api/publications", c.body(), JsonNode.class);
            assertThat(response.getStatusCode()).as(c.field()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().toString()).as(c.field()).contains(c.field());
        }
        assertThat(stored(account)).isZero();
    }

    @Test
    @DisplayName("ACC-2: another organization's account or one not active → 400 on account; a link twice → 400 on link")
    void accountAndDuplicate() {
        long minzdrav = activeAccount(registry, "minzdrav", "mz_" + unique());
        ResponseEntity<JsonNode> foreign = rest.withBasicAuth("zags-accounts", "demo").postForEntity("/api/publications",
                publication(minzdrav, "2026-11-20T10:15", "https://vk.com/wall-2_" + unique()), JsonNode.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody().toString()).contains("account");
        assertThat(stored(minzdrav)).isZero();

        long zags = activeAccount(registry, "zags", "zags_" + unique());
        String link = "https://vk.com/wall-3_" + unique();
        assertThat(rest.withBasicAuth("zags-accounts", "demo").postForEntity("/api/publications",
                publication(zags, "2026-11-20T10:15", link), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> twice = rest.withBasicAuth("zags-accounts", "demo").postForEntity("/api/publications",
                publication(zags, "2026-11-20T11:15", link + "/"), JsonNode.class);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(twice.getBody().toString()).contains("link");
        assertThat(stored(zags)).isEqualTo(1);

        jdbc.update("UPDATE account SET status = 'BLOCKED' WHERE id = ?", zags);
        ResponseEntity<JsonNode> blocked = rest.withBasicAuth("zags-accounts", "demo").postForEntity("/api/publications",
                publication(zags, "2026-11-20T12:15", "https://vk.com/wall-4_" + unique()), JsonNode.class);
        assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blocked.getBody().toString()).contains("account");
        assertThat(stored(zags)).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-12: CSV import → a result per row (accepted, duplicate, error naming the field), each row on its own")
    void csvImport() {
        long account = activeAccount(registry, "zags", "zags_" + unique());
        String a = "https://vk.com/wall-5_" + unique();
        String b = "https://vk.com/wall-6_" + unique();
        String csv = "account;publishedAt;kind;repostSource;format;link;topic\n"
                + account + ";2026-11-16T10:00;;;TEXT;" + a + ";Приём граждан\n"
                + account + ";2026-11-16T11:00;REPOST;https://vk.com/kuzbass;VIDEO;" + b + ";\n"
                + account + ";2026-11-16T12:00;;;TEXT;" + a + ";Повтор\n"
                + account + ";2026-11-16T13:00;;;ПОДКАСТ;https://vk.com/wall-7_" + unique() + ";\n"
                + "abc;2026-11-16T13:00;;;TEXT;https://vk.com/wall-8_" + unique() + ";\n";
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "publications.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<JsonNode> response = rest.withBasicAuth("zags-accounts", "demo")
                .postForEntity("/api/publications/import", new HttpEntity<>(parts, headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode rows = response.getBody();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(rows.get(1).path("status").asText()).isEqualTo("accepted");
        assertThat(rows.get(2).path("status").asText()).isEqualTo("duplicate");
        assertThat(rows.get(3).path("status").asText()).isEqualTo("error");
        assertThat(rows.get(3).path("field").asText()).isEqualTo("format");
        assertThat(rows.get(4).path("field").asText()).isEqualTo("account");
        assertThat(rows.get(4).path("row").asInt()).isEqualTo(6);
        assertThat(stored(account)).isEqualTo(2);
    }

    @Test
    @DisplayName("ACC-7, ACC-8: SQL counts per Kuzbass week — Sunday 23:30 local counts, Monday 00:00 local is the next week")
    void countsPerKuzbassWeek() {
        long account = activeAccount(registry, "zags", "zags_" + unique());
        clockAt("2026-12-14T09:00");
        var staff = accountManager("zags");
        String[][] rows = {
                {"2026-12-07T00:00", "ORIGINAL"},          // Monday 00:00: first instant of the week
                {"2026-12-10T12:00", "REPOST"},
                {"2026-12-13T23:30", "ORIGINAL"},          // Sunday 23:30 local (16:30 UTC): still this week
                {"2026-12-13T23:59:59", "REPOST"},
                {"2026-12-14T00:00", "ORIGINAL"},          // Monday 00:00 local: the next week
                {"2026-12-06T23:59:59", "ORIGINAL"}};      // Sunday before: the previous week
        for (String[] row : rows) {
            log.record(new NewPublication(account, row[0], row[1], "REPOST".equals(row[1]) ? "https://vk.com/src" : null,
                    "TEXT", "https://vk.com/wall-9_" + unique(), null), staff, PublicationLog.SOURCE_API);
        }

        var counts = log.counts("zags", kuzbass("2026-12-07T00:00"), kuzbass("2026-12-14T00:00")).get(account);

        assertThat(counts.publications()).isEqualTo(4);
        assertThat(counts.reposts()).isEqualTo(2);
        assertThat(log.counts("zags", kuzbass("2026-12-14T00:00"), kuzbass("2026-12-21T00:00")).get(account).publications())
                .isEqualTo(1);
        assertThatThrownBy(() -> log.record(new NewPublication(account, "2026-12-14T10:00", null, null, "TEXT",
                "https://vk.com/wall-9_" + unique(), null), accountManager("nkr"), PublicationLog.SOURCE_API))
                .hasMessageContaining("не найден");
    }
}
