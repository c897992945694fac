package ru.otklik.message;

import org.junit.jupiter.api.AfterEach;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.otklik.security.Staff;
import ru.otklik.support.OtklikSpringTest;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The absence register page (MSG-3, MSG-8): kept through HTML forms by the coordinator, read by all staff of the
 * organization, escaped, protected against cross-site form posts. The absences lie in March 2099, which no other
 * test uses and no clock reaches, and are removed afterwards.
 */
@OtklikSpringTest
@DisplayName("MessageResponse: absence register page")
class MessageAbsencePageTests {

    private static final String ORG = "zags";
    private static final Staff COORDINATOR = new Staff("zags-coordinator", Set.of("zags-coordinator"), Set.of(ORG));

    @Autowired
    TestRestTemplate rest;
    @Autowired
    AbsenceRegister absences;

    @AfterEach
    void removeAbsences() {
        ours().forEach(a -> absences.delete(a.id(), COORDINATOR));
    }

    @Test
    @DisplayName("MSG-3: the coordinator adds an absence with the form; the page lists it and removes it")
    void coordinatorKeepsRegister() {
        ResponseEntity<String> added = post("zags-coordinator", "/absences", sameOrigin(),
                form("zags-specialist", "2099-03-10", "2099-03-12", "BUSINESS_TRIP"));
        // answered with 303 to the page, which the test client follows
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(added.getBody()).contains("zags-specialist", "10.03.2099");

        ResponseEntity<String> page = get("zags-coordinator");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        assertThat(page.getBody()).contains("Реестр отсутствий", "zags-specialist", "10.03.2099", "12.03.2099",
                "Командировка", "Удалить", "Добавить отсутствие");

        // A reversed period is explained on the page and nothing is stored
        ResponseEntity<String> reversed = post("zags-coordinator", "/absences", sameOrigin(),
                form("zags-specialist", "2099-03-20", "2099-03-15", "LEAVE"));
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody()).contains("последний день отсутствия раньше первого");
        assertThat(ours()).hasSize(1);

        long id = ours().get(0).id();
        MultiValueMap<String, String> delete = new LinkedMultiValueMap<>();
        delete.add("org", ORG);
        assertThat(post("zags-coordinator", "/absences/" + id + "/delete", sameOrigin(), delete).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(ours()).isEmpty();
    }

    @Test
    @DisplayName("MSG-3: an executor reads the register but may not change it")
    void executorReadsOnly() {
        post("zags-coordinator", "/absences", sameOrigin(), form("zags-specialist", "2099-03-10", "2099-03-10", "ILLNESS"));

        ResponseEntity<String> page = get("zags-executor-oto");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("zags-specialist", "Болезнь").doesNotContain("Удалить", "Добавить отсутствие");

        ResponseEntity<String> refused = post("zags-executor-oto", "/absences", sameOrigin(),
                form("zags-coordinator", "2099-03-11", "2099-03-11", "LEAVE"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        MultiValueMap<String, String> delete = new LinkedMultiValueMap<>();
        delete.add("org", ORG);
        assertThat(post("zags-executor-oto", "/absences/" + ours().get(0).id() + "/delete", sameOrigin(), delete)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ours()).hasSize(1);
    }

    @Test
    @DisplayName("Hostile text in the login field is shown escaped")
    void hostileLoginEscaped() {
        ResponseEntity<String> page = post("zags-coordinator", "/absences", sameOrigin(),
                form("<script>alert(1)</script>", "2099-03-10", "2099-03-10", "LEAVE"));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("нет такого сотрудника", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script");
        assertThat(ours()).isEmpty();
    }

    @Test
    @DisplayName("A form posted from another site is refused and nothing is stored")
    void crossOriginRefused() {
        HttpHeaders evil = new HttpHeaders();
        evil.setOrigin("https://evil.example");
        assertThat(post("zags-coordinator", "/absences", evil, form("zags-specialist", "2099-03-10", "2099-03-10", "LEAVE"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders crossSite = new HttpHeaders();
        crossSite.set("Sec-Fetch-Site", "cross-site");
        assertThat(post("zags-coordinator", "/absences", crossSite, form("zags-specialist", "2099-03-10", "2099-03-10",
                "LEAVE")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ours()).isEmpty();
    }

    @Test
    @DisplayName("The page requires a login")
    void loginRequired() {
        assertThat(rest.getForEntity("/absences?org=" + ORG, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private List<Absence> ours() {
        return absences.list(ORG, COORDINATOR).stream().filter(a -> a.from().getYear() == 2099).toList();
    }

    private ResponseEntity<String> get(String user) {
        return rest.withBasicAuth(user, "demo").getForEntity("/absences?org=" + ORG, String.class);
    }

    private HttpHeaders sameOrigin() {
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin(rest.getRootUri());
        headers.set("Sec-Fetch-Site", "same-origin");
        return headers;
    }

    private ResponseEntity<String> post(String user, String path, HttpHeaders headers, MultiValueMap<String, String> body) {
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    private static MultiValueMap<String, String> form(String userId, String from, String to, String reason) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("org", ORG);
        form.add("userId", userId);
        form.add("from", from);
        form.add("to", to);
        form.add("reason", reason);
        return form;
    }
}
