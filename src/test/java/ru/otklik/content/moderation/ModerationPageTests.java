package ru.otklik.content.moderation;

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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.otklik.account.AccountRegistry;
import ru.otklik.support.OtklikSpringTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.content.moderation.ModerationTesting.unique;
import static ru.otklik.content.moderation.ModerationTesting.vkAccount;

/** ACC-10: the moderation page — the form records through the log, the log is listed, escaped, same-origin only. */
@OtklikSpringTest
class ModerationPageTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    AccountRegistry accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("ACC-10: nkr — the form with blacklisting records a row, and the page lists it")
    void formRecordsAndPageLists() {
        long account = vkAccount(accounts, "nkr");
        String author = "id" + unique();

        ResponseEntity<String> page = rest.withBasicAuth("nkr-accounts", "demo")
                .getForEntity("/moderation?org=nkr", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.getBody()).contains("Модерация комментариев", "value=\"" + account + "\"",
                "Нарушение законодательства", "Спам", "Оскорбления", "Нецензурные выражения", "Угрозы",
                "Комментарий удалён", "Автор внесён в чёрный список", "Журнал модерации");

        ResponseEntity<String> posted = post("nkr-accounts", sameOrigin(),
                form(account, author, "INSULT", List.of("DELETED", "AUTHOR_BLACKLISTED")));
        // answered with 303 to the page, which the test client follows
        assertThat(posted.getStatusCode()).as(posted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(rows(author)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT action FROM moderation_log WHERE author_id = ?", String.class, author))
                .isEqualTo("DELETED_AND_BLACKLISTED");
        assertThat(jdbc.queryForObject("SELECT moderated_by FROM moderation_log WHERE author_id = ?", String.class,
                author)).isEqualTo("nkr-accounts");
        assertThat(posted.getBody()).contains(author, "оскорбления",
                "комментарий удалён, автор внесён в чёрный список", "nkr-accounts");
    }

    @Test
    @DisplayName("ACC-10: nkr — without blacklisting the page shows the refusal and nothing is stored")
    void nkrRefusedWithoutBlacklisting() {
        long account = vkAccount(accounts, "nkr");
        String author = "id" + unique();
        ResponseEntity<String> refused = post("nkr-accounts", sameOrigin(),
                form(account, author, "SPAM", List.of("DELETED")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("role=\"alert\"", "необходимо внести в чёрный список", "обязательно");
        assertThat(rows(author)).isZero();
    }

    @Test
    @DisplayName("Hostile text in the author id is shown escaped")
    void hostileAuthorEscaped() {
        long account = vkAccount(accounts, "nkr");
        String author = "<script>alert(" + unique() + ")</script>";
        ResponseEntity<String> page = post("nkr-accounts", sameOrigin(),
                form(account, author, "THREAT", List.of("AUTHOR_BLACKLISTED")));
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rows(author)).isEqualTo(1);
        assertThat(page.getBody()).contains("&lt;script&gt;alert(").doesNotContain("<script");
    }

    @Test
    @DisplayName("A form posted from another site is refused and nothing is stored")
    void crossOriginRefused() {
        long account = vkAccount(accounts, "nkr");
        String author = "id" + unique();
        HttpHeaders evil = new HttpHeaders();
        evil.setOrigin("https://evil.example");
        assertThat(post("nkr-accounts", evil, form(account, author, "SPAM", List.of("AUTHOR_BLACKLISTED")))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rows(author)).isZero();
    }

    @Test
    @DisplayName("The page requires a login and is for the organization's staff only")
    void loginRequired() {
        assertThat(rest.getForEntity("/moderation?org=nkr", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("zags-accounts", "demo").getForEntity("/moderation?org=nkr", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private int rows(String author) {
        return jdbc.queryForObject("SELECT count(*) FROM moderation_log WHERE author_id = ?", Integer.class, author);
    }

    private HttpHeaders sameOrigin() {
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin(rest.getRootUri());
        headers.set("Sec-Fetch-Site", "same-origin");
        return headers;
    }

    private ResponseEntity<String> post(String user, HttpHeaders headers, MultiValueMap<String, String> body) {
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.withBasicAuth(user, "demo").exchange("/moderation", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    private static MultiValueMap<String, String> form(long account, String author, String reason, List<String> actions) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("org", "nkr");
        form.add("accountId", String.valueOf(account));
        form.add("commentUrl", "https://vk.com/wall-1_2?reply=" + unique());
        form.add("authorId", author);
        form.add("reason", reason);
        actions.forEach(a -> form.add("actions", a));
        return form;
    }
}
