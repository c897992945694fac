package ru.otklik.security;

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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers and a Content-Security-Policy on the app's pages and API; the Camunda webapps keep their own
 * policy, CSRF protection and cookie flags.
 */
@OtklikSpringTest
class SecurityHeadersTests {

    static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("the API answers with the app's policy, nosniff, a referrer policy, a permissions policy and DENY")
    void apiHeaders() {
        ResponseEntity<String> response = rest.getForEntity(java.net.URI.create(rest.getRootUri()
                + "/api/working-time/after?org=zags&from=2026-11-24T10:00:00%2B07:00&duration=PT1H"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.get("Content-Security-Policy")).containsExactly(APP_POLICY);
        assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
    }

    @Test
    @DisplayName("a problem answer carries the same headers")
    void problemHeaders() {
        ResponseEntity<String> response = rest.getForEntity("/api/messages", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().get("Content-Security-Policy")).containsExactly(APP_POLICY);
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    @DisplayName("the public registry renders under its own stricter policy: no scripts, its inline style only")
    void registryPage() {
        ResponseEntity<String> response = rest.getForEntity("/registry?org=zags", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> policy = response.getHeaders().get("Content-Security-Policy");
        assertThat(policy).hasSize(1);
        assertThat(policy.get(0)).startsWith("default-src 'none'").contains("style-src 'unsafe-inline'")
                .doesNotContain("script-src");
        assertThat(response.getBody()).contains("<style>", "<form class=\"filter\"").doesNotContain("<script");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.getHeaders().getFirst("Permissions-Policy")).contains("camera=()");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    @Test
    @DisplayName("the absence and moderation pages render under their own policy and are never framed")
    void staffPages() {
        for (String[] page : List.of(new String[]{"zags-coordinator", "/absences?org=zags"},
                new String[]{"zags-accounts", "/moderation?org=zags"})) {
            ResponseEntity<String> response = rest.withBasicAuth(page[0], "demo").getForEntity(page[1], String.class);

            assertThat(response.getStatusCode()).as(page[1]).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().get("Content-Security-Policy")).as(page[1]).containsExactly(
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
            assertThat(response.getBody()).as(page[1]).contains("<form").doesNotContain("<script");
            assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeaders().getFirst("Permissions-Policy")).contains("camera=()");
        }
    }

    @Test
    @DisplayName("Tasklist keeps Camunda's own policy with a script nonce, not the app's")
    void camundaPolicy() {
        ResponseEntity<String> response = rest.getForEntity("/camunda/app/tasklist/default/", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> policy = response.getHeaders().get("Content-Security-Policy");
        assertThat(policy).hasSize(1);
        assertThat(policy.get(0)).contains("base-uri 'self'", "'nonce-", "frame-ancestors 'none'")
                .isNotEqualTo(APP_POLICY);
        assertThat(response.getHeaders().get("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    @DisplayName("Camunda's CSRF filter guards the webapps: a login without or with a wrong token is refused")
    void camundaCsrf() {
        String[] session = webappSession();
        assertThat(login(session[0], null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        session = webappSession();
        assertThat(login(session[0], "0123456789ABCDEF0123456789ABCDEF").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        session = webappSession();
        assertThat(login(session[0], session[1]).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** A new webapp session: its cookies (checking their flags) and the CSRF token the filter hands out. */
    private String[] webappSession() {
        ResponseEntity<String> start = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        String token = start.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(token).as("the filter hands out a token").isNotBlank();
        List<String> cookies = start.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("SameSite=Lax"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly")
                .contains("SameSite=Lax"));
        return new String[]{String.join("; ", cookies.stream().map(c -> c.split(";", 2)[0]).toList()), token};
    }

    private ResponseEntity<String> login(String cookie, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set(HttpHeaders.COOKIE, cookie);
        if (token != null) {
            headers.set("X-XSRF-TOKEN", token);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "zags-specialist");
        form.add("password", "demo");
        return rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers),
                String.class);
    }
}
