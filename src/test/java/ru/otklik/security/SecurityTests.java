package ru.otklik.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.otklik.support.OtklikSpringTest;

import static org.assertj.core.api.Assertions.assertThat;

@OtklikSpringTest
class SecurityTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("the app's API requires a login and answers 401 as a problem")
    void apiNeedsLogin() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/api/messages", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        // A wrong password makes Camunda hold the user back for a while: use a login no other test needs.
        assertThat(rest.withBasicAuth("minsoc-auditor", "wrong").getForEntity("/api/messages", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("health is open; metrics and prometheus are for administrators only")
    void actuator() {
        ResponseEntity<JsonNode> health = rest.getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("zags-coordinator", "demo").getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> prometheus = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class);
        assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(prometheus.getBody()).contains("jvm_memory_used_bytes");
        assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/actuator/info", JsonNode.class).getBody()
                .path("app").path("name").asText()).isEqualTo("Otklik");
    }

    @Test
    @DisplayName("demo/demo logs into Tasklist; a wrong password does not")
    void demoLogsIntoTasklist() {
        assertThat(webappLogin("demo", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("zags-specialist", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("kuzbass-gov-auditor", "nope").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("Tasklist is served with the Russian locale first and English as fallback")
    void russianTasklist() {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> ru = rest.getForEntity("/camunda/app/tasklist/locales/ru.json", JsonNode.class);
        assertThat(ru.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ru.getBody().path("labels").path("PAGINATION_NEXT").asText()).isNotBlank().isNotEqualTo("Next");
        String config = rest.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
        assertThat(config.replace('"', '\'').replaceAll("\\s", "")).contains("availableLocales:['ru','en']");
    }

    private ResponseEntity<String> webappLogin(String user, String password) {
        // The webapps' CSRF filter hands out a token on a GET first.
        ResponseEntity<String> start = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        String token = start.getHeaders().getFirst("X-XSRF-TOKEN");
        String cookie = String.join("; ", start.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList());
        if (token != null) {
            headers.set("X-XSRF-TOKEN", token);
        }
        headers.set(HttpHeaders.COOKIE, cookie);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers),
                String.class);
    }
}
