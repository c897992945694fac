package ru.otklik.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.otklik.support.OtklikSpringTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.account.AccountTesting.unique;

/**
 * The public registry (ACC-5, ACC-16): {@code GET /registry}, {@code /api/registry/accounts} and
 * {@code /api/registry/accounts.csv}, without login, with public fields of active accounts only.
 */
@OtklikSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicRegistryTests {

    static final String HOSTILE = "<script>alert(1)</script> Группа";
    static final String TRICKY = "Отдел \"ЗАГС\", Кемерово\nвторая строка; и ещё, запятая";
    static final String SECRET_ADMIN = "Секретный Администратор Петрович";

    @Autowired
    TestRestTemplate rest;

    final String suffix = unique();
    final String hostileUrl = "https://vk.com/hostile_" + suffix;
    final String trickyUrl = "https://ok.ru/tricky_" + suffix;
    final String minsocUrl = "https://facebook.com/minsoc_" + suffix;
    boolean plannedRequested;

    @BeforeAll
    void accounts() {
        importCsv("zags-registry", "zags", "network,url,displayName,purpose,createdOn,officialPage,twoFactorEnabled,"
                + "administrators\r\n"
                + "VK," + hostileUrl + ",\"" + HOSTILE + "\",Аккаунт органа,2020-03-01,да,да,\"" + SECRET_ADMIN + "\"\r\n"
                + "OK," + trickyUrl + ",\"" + TRICKY.replace("\"", "\"\"") + "\",\"Назначение, с запятой\",01.03.2020,нет,нет,"
                + "Иванов\r\n");
        importCsv("minsoc-registry", "minsoc", "network,url,displayName\r\nFACEBOOK," + minsocUrl + ",Минсоц в Facebook\r\n");
    }

    /** A planned account (its creation requested, not yet done), which is not public yet. */
    private void plannedAccount() {
        if (plannedRequested) {
            return;
        }
        ResponseEntity<JsonNode> response = rest.withBasicAuth("zags-accounts", "demo").postForEntity("/api/accounts",
                AccountTesting.creation("zags", "VK", "https://vk.com/planned_" + suffix, "Запланированный"), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        plannedRequested = true;
    }

    private void importCsv(String user, String org, String csv) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("org", org);
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "accounts.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo")
                .postForEntity("/api/accounts/import", new HttpEntity<>(form, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("errors").asInt()).as(String.valueOf(response.getBody())).isZero();
    }

    @Test
    @DisplayName("ACC-5, ACC-16: the page of an organization needs no login, escapes hostile text and shows no private field")
    void pageEscapesAndHidesPrivateFields() {
        plannedAccount();
        ResponseEntity<String> response = rest.getForEntity("/registry?org=zags", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        String html = response.getBody();
        assertThat(html).contains("<html lang=\"ru\">", "name=\"viewport\"", "Реестр аккаунтов: Управление ЗАГС Кузбасса");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Группа");
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(html).doesNotContain("<script");
        assertThat(html).contains(hostileUrl, trickyUrl, "ВКонтакте", "01.03.2020", "kuzbass-zags.ru");
        // never administrators, security data or audit
        assertThat(html).doesNotContain(SECRET_ADMIN, "Иванов", "двухфактор", "Двухфактор", "аудит", "import",
                "Отдел информационной безопасности");
        assertThat(html).doesNotContain("https://vk.com/planned_" + suffix);
        assertThat(html).doesNotContain(minsocUrl);
    }

    @Test
    @DisplayName("ACC-13: the consolidated page lists every organization; filters by organization and network work")
    void consolidatedAndFiltered() {
        String all = rest.getForObject("/registry", String.class);
        assertThat(all).contains("Сводный реестр аккаунтов", hostileUrl, minsocUrl, "Минсоцзащиты Кузбасса");

        String ok = rest.getForObject("/registry?network=OK", String.class);
        assertThat(ok).contains(trickyUrl).doesNotContain(hostileUrl).doesNotContain(minsocUrl);

        ResponseEntity<String> unknown = rest.getForEntity("/registry?org=nope", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("Организация не найдена");
        assertThat(rest.getForEntity("/registry?network=MYSPACE", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @DisplayName("ACC-5: the JSON has only public fields of active accounts and filters by organization and network")
    void json() {
        plannedAccount();
        JsonNode accounts = rest.getForObject("/api/registry/accounts?org=zags&network=VK", JsonNode.class);

        List<JsonNode> list = StreamSupport.stream(accounts.spliterator(), false).toList();
        assertThat(list).extracting(a -> a.path("network").asText()).containsOnly("VK");
        JsonNode hostile = list.stream().filter(a -> a.path("url").asText().equals(hostileUrl)).findFirst().orElseThrow();
        List<String> fields = new ArrayList<>();
        hostile.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("organization", "organizationName", "network", "networkTitle", "url",
                "displayName", "purpose", "officialPage", "createdOn");
        assertThat(hostile.path("displayName").asText()).isEqualTo(HOSTILE);
        assertThat(hostile.path("createdOn").asText()).isEqualTo("2020-03-01");
        assertThat(hostile.path("officialPage").asBoolean()).isTrue();
        assertThat(accounts.toString()).doesNotContain("https://vk.com/planned_" + suffix, SECRET_ADMIN);

        assertThat(rest.getForEntity("/api/registry/accounts?org=nope", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badNetwork = rest.getForEntity("/api/registry/accounts?network=MYSPACE", JsonNode.class);
        assertThat(badNetwork.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badNetwork.getBody().path("field").asText()).isEqualTo("network");
    }

    @Test
    @DisplayName("ACC-5: the CSV is RFC 4180 in UTF-8 with a BOM, an attachment, and round-trips Cyrillic, commas, quotes and line breaks")
    void csvRoundTrip() throws Exception {
        plannedAccount();
        ResponseEntity<byte[]> response = rest.getForEntity("/api/registry/accounts.csv?org=zags", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv").containsIgnoringCase("utf-8");
        assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
        byte[] body = response.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        assertThat(text).doesNotContain(SECRET_ADMIN, "Иванов");

        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.get(0)).containsExactly("Организация", "Сеть", "Название", "Ссылка", "Назначение",
                "Официальная страница", "Дата создания");
        List<String> tricky = rows.stream().filter(r -> r.get(3).equals(trickyUrl)).findFirst().orElseThrow();
        assertThat(tricky).containsExactly("Управление ЗАГС Кузбасса", "Одноклассники", TRICKY, trickyUrl,
                "Назначение, с запятой", "нет", "2020-03-01");
        List<String> hostile = rows.stream().filter(r -> r.get(3).equals(hostileUrl)).findFirst().orElseThrow();
        assertThat(hostile.get(2)).isEqualTo(HOSTILE);
        assertThat(hostile.get(5)).isEqualTo("да");
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(7));
        assertThat(rows.stream().map(r -> r.get(3))).doesNotContain("https://vk.com/planned_" + suffix, minsocUrl);
    }

    @Test
    @DisplayName("a spreadsheet formula in a display name is neutralized in the CSV")
    void csvInjection() {
        assertThat(PublicRegistryApiController.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(PublicRegistryApiController.cell("@SUM(A1)")).startsWith("'");
        assertThat(PublicRegistryApiController.cell("ЗАГС")).isEqualTo("ЗАГС");
        assertThat(Set.of(PublicRegistryApiController.cell(null))).containsExactly("");
    }
}
