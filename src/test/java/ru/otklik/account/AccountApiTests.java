package ru.otklik.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikSpringTest;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.account.AccountTesting.creation;
import static ru.otklik.account.AccountTesting.unique;

/**
 * The staff API: {@code POST /api/accounts} validation (ACC-1, URL of the network, one URL once; 400 naming the
 * field, nothing stored), 404 and 403, and reading with tenant isolation (ACC-13 for the media directorate).
 */
@OtklikSpringTest
class AccountApiTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    private ResponseEntity<JsonNode> post(String user, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/accounts", body, JsonNode.class);
    }

    private long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account", Long.class)
                + runtime.createProcessInstanceQuery().count();
    }

    /** A 400 naming {@code field}; nothing stored, no case started. */
    private JsonNode rejected(String user, Object body, String field) {
        long before = stored();
        ResponseEntity<JsonNode> response = post(user, body);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(response.getBody().path("field").asText()).isEqualTo(field);
        assertThat(stored()).isEqualTo(before);
        return response.getBody();
    }

    @Test
    @DisplayName("ACC-1: zags keeps no blog — 400 on network naming the order of 18.02.2021 No. 16")
    void zagsBlogOutsideAct() {
        JsonNode problem = rejected("zags-accounts", creation("zags", "BLOG", "https://blog.example.ru/zags", "Блог ЗАГС"),
                "network");
        assertThat(problem.path("detail").asText()).contains("«Блог»", "Приказ Управления ЗАГС Кузбасса",
                "от 18.02.2021 № 16", "ACC-1", "ВКонтакте");
    }

    @Test
    @DisplayName("ACC-1: minzdrav keeps no Instagram — 400 on network naming the order of 21.05.2024 No. 335")
    void minzdravInstagramOutsideAct() {
        JsonNode problem = rejected("minzdrav-accounts",
                creation("minzdrav", "INSTAGRAM", "https://instagram.com/minzdrav42", "Минздрав"), "network");
        assertThat(problem.path("detail").asText()).contains("Instagram", "Министерства здравоохранения Кузбасса",
                "от 21.05.2024 № 335");
    }

    @Test
    @DisplayName("a URL of another network's domain — 400 on url listing the network's domains")
    void urlOfWrongDomain() {
        JsonNode problem = rejected("zags-accounts", creation("zags", "VK", "https://ok.ru/zags42", "ЗАГС"), "url");
        assertThat(problem.path("detail").asText()).contains("ВКонтакте", "vk.com");
        rejected("zags-accounts", creation("zags", "VK", "vk.com/zags42", "ЗАГС"), "url");
        rejected("zags-accounts", creation("zags", "VK", "javascript:alert(1)", "ЗАГС"), "url");
    }

    @Test
    @DisplayName("one URL is registered once: www., case and a trailing slash do not make another URL")
    void duplicateUrl() {
        String name = "zags_" + unique();
        ResponseEntity<JsonNode> first = post("zags-accounts", creation("zags", "VK", "https://vk.com/" + name, "ЗАГС"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode problem = rejected("zags-registry",
                creation("zags", "VK", "https://www.VK.com/" + name + "/", "ЗАГС снова"), "url");
        assertThat(problem.path("detail").asText()).contains("уже есть в реестре");
        // nor in another organization
        rejected("minsoc-accounts", creation("minsoc", "VK", "http://vk.com/" + name, "Минсоц"), "url");
    }

    @Test
    @DisplayName("Bean Validation: missing fields and unknown networks are 400s naming the field")
    void missingFields() {
        Map<String, Object> body = creation("zags", "VK", "https://vk.com/zags_" + unique(), "ЗАГС");
        body.remove("displayName");
        rejected("zags-accounts", body, "displayName");
        Map<String, Object> noUrl = creation("zags", "VK", "https://vk.com/x", "ЗАГС");
        noUrl.put("url", " ");
        rejected("zags-accounts", noUrl, "url");
        Map<String, Object> myspace = creation("zags", "VK", "https://vk.com/x", "ЗАГС");
        myspace.put("network", "MYSPACE");
        rejected("zags-accounts", myspace, "network");
        Map<String, Object> longName = creation("zags", "VK", "https://vk.com/x", "Я".repeat(256));
        rejected("zags-accounts", longName, "displayName");
    }

    @Test
    @DisplayName("unknown organization → 404; another organization or a role that keeps no accounts → 403; no login → 401")
    void accessChecks() {
        String url = "https://vk.com/acc_" + unique();
        long before = stored();
        assertThat(post("zags-accounts", creation("nope", "VK", url, "X")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("zags-accounts", creation("minzdrav", "VK", url, "X")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("zags-coordinator", creation("zags", "VK", url, "X")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.postForEntity("/api/accounts", creation("zags", "VK", url, "X"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(stored()).isEqualTo(before);
        // the superuser may act for any organization
        assertThat(post("demo", creation("zags", "VK", url, "X")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    @DisplayName("tenant isolation: another organization's account is a 404; the media directorate reads all (ACC-13)")
    void reading() {
        JsonNode zags = post("zags-accounts", creation("zags", "VK", "https://vk.com/read_" + unique(), "ЗАГС")).getBody();
        JsonNode minzdrav = post("minzdrav-accounts",
                creation("minzdrav", "OK", "https://ok.ru/read_" + unique(), "Минздрав")).getBody();
        long zagsId = zags.path("id").asLong();
        long minzdravId = minzdrav.path("id").asLong();

        ResponseEntity<JsonNode> own = rest.withBasicAuth("zags-coordinator", "demo")
                .getForEntity("/api/accounts/" + zagsId, JsonNode.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().path("audit").get(0).path("action").asText()).isEqualTo("request");
        assertThat(own.getBody().path("audit").get(0).path("actor").asText()).isEqualTo("zags-accounts");
        assertThat(own.getBody().path("audit").get(0).path("ruleId").asText()).isEqualTo("ACC-2");
        assertThat(rest.withBasicAuth("zags-accounts", "demo").getForEntity("/api/accounts/" + minzdravId, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("zags-accounts", "demo").getForEntity("/api/accounts/999999999", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("zags-accounts", "demo").getForEntity("/api/accounts?org=minzdrav", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode mine = rest.withBasicAuth("zags-accounts", "demo").getForObject("/api/accounts", JsonNode.class);
        assertThat(ids(mine)).contains(zagsId).doesNotContain(minzdravId);
        JsonNode all = rest.withBasicAuth("kuzbass-gov-registry", "demo").getForObject("/api/accounts", JsonNode.class);
        assertThat(ids(all)).contains(zagsId, minzdravId);
        assertThat(rest.withBasicAuth("kuzbass-gov-registry", "demo")
                .getForEntity("/api/accounts/" + minzdravId, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // a kuzbass-gov user other than its registry keepers reads only kuzbass-gov
        assertThat(rest.withBasicAuth("kuzbass-gov-coordinator", "demo")
                .getForEntity("/api/accounts/" + zagsId, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode filtered = rest.withBasicAuth("kuzbass-gov-registry", "demo")
                .getForObject("/api/accounts?org=minzdrav&status=PLANNED&network=OK", JsonNode.class);
        assertThat(ids(filtered)).contains(minzdravId).doesNotContain(zagsId);
    }

    private static List<Long> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asLong()).toList();
    }
}
