package ru.otklik.account;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.otklik.support.OtklikSpringTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.account.AccountTesting.unique;

/**
 * {@code POST /api/accounts/import}: the initial import of existing accounts (ACC-2, ACC-17), row by row, each row
 * in its own transaction.
 */
@OtklikSpringTest
class AccountImportTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    AccountRegistry registry;

    private ResponseEntity<JsonNode> upload(String user, String org, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (org != null) {
            form.add("org", org);
        }
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "accounts.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/accounts/import", new HttpEntity<>(form, headers),
                JsonNode.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("ACC-2, ACC-17: row by row — accepted, duplicate, errors with reasons and row numbers; accepted rows active, audited 'import', no case, no report")
    void rowByRow() {
        String s = unique();
        String existing = "https://vk.com/existing_" + s;
        assertThat(upload("zags-registry", "zags", utf8("network,url,displayName\n" + "VK," + existing + ",Было\n"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        String csv = "network,url,displayName,externalId,purpose,createdOn,officialPage,textDescription,designedVisuals,"
                + "twoFactorEnabled,lastCredentialRotation,administrators\r\n"
                + "VK,https://vk.com/zags_" + s + ",ЗАГС Кузбасса,12345,Аккаунт органа,2020-02-28,да,да,да,да,2026-09-01,"
                + "\"Иванова М. П.; Петров П. П.\"\r\n"                                  // row 2: accepted
                + "VK,https://www.vk.com/existing_" + s + "/,Дубль,,,,,,,,,\r\n"           // row 3: duplicate
                + "BLOG,https://blog.example.ru/" + s + ",Блог,,,,,,,,,\r\n"               // row 4: ACC-1
                + "OK,https://vk.com/wrong_" + s + ",Не та сеть,,,,,,,,,\r\n"              // row 5: domain
                + "ВКонтакте,https://vk.com/zags_" + s + ",Повтор в файле,,,,,,,,,\r\n"   // row 6: duplicate in the file
                + "INSTAGRAM,https://instagram.com/zags_" + s + ",Инстаграм,,,31.02.2020,,,,,,\r\n" // row 7: bad date
                + ",,,,,,,,,,,\r\n"                                                        // blank: skipped
                + "Одноклассники,https://ok.ru/zags_" + s + ",\"Группа \"\"ЗАГС\"\", Кузбасс\",,,01.03.2020,нет,,,,,\r\n"; // row 9

        ResponseEntity<JsonNode> response = upload("zags-registry", "zags", utf8(csv));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode result = response.getBody();
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("duplicates").asInt()).isEqualTo(2);
        assertThat(result.path("errors").asInt()).isEqualTo(3);
        JsonNode rows = result.path("rows");
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(rows.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(rows.get(1).path("row").asInt()).isEqualTo(3);
        assertThat(rows.get(1).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(rows.get(2).path("status").asText()).isEqualTo("ERROR");
        assertThat(rows.get(2).path("field").asText()).isEqualTo("network");
        assertThat(rows.get(2).path("message").asText()).contains("ACC-1", "№ 16");
        assertThat(rows.get(3).path("field").asText()).isEqualTo("url");
        assertThat(rows.get(3).path("message").asText()).contains("ok.ru");
        assertThat(rows.get(4).path("row").asInt()).isEqualTo(6);
        assertThat(rows.get(4).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(rows.get(5).path("row").asInt()).isEqualTo(7);
        assertThat(rows.get(5).path("field").asText()).isEqualTo("createdOn");
        assertThat(rows.get(6).path("row").asInt()).isEqualTo(9);
        assertThat(rows.get(6).path("status").asText()).isEqualTo("ACCEPTED");

        Account account = registry.find(rows.get(0).path("accountId").asLong()).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.source()).isEqualTo("IMPORT");
        assertThat(account.createdOn()).isEqualTo(LocalDate.of(2020, 2, 28));
        assertThat(account.officialPage()).isTrue();
        assertThat(account.twoFactorEnabled()).isTrue();
        assertThat(account.lastCredentialRotation()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(account.administrators()).containsExactly("Иванова М. П.", "Петров П. П.");
        assertThat(account.processInstanceId()).isNull();
        assertThat(registry.reports(account.id())).isEmpty();
        assertThat(registry.audit(account.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("import");
            assertThat(e.actor()).isEqualTo("zags-registry");
        });
        assertThat(registry.find(rows.get(6).path("accountId").asLong()).orElseThrow().displayName())
                .isEqualTo("Группа \"ЗАГС\", Кузбасс");
        // the error rows left nothing behind
        assertThat(registry.findLive("blog.example.ru/" + s)).isEmpty();
        assertThat(registry.findLive("instagram.com/zags_" + s)).isEmpty();
    }

    @Test
    @DisplayName("Excel's 'CSV UTF-8' with a byte order mark and semicolons is read")
    void excelCsv() {
        String s = unique();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = utf8("network;url;displayName\r\nVK;https://vk.com/excel_" + s + ";\"Группа; с точкой с запятой\"\r\n");
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);

        ResponseEntity<JsonNode> response = upload("nkr-registry", "nkr", content);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("accepted").asInt()).as(String.valueOf(response.getBody())).isEqualTo(1);
    }

    @Test
    @DisplayName("only an administrator or the organization's registry keeper imports; bad files are 400s naming the file")
    void accessAndFile() {
        String csv = "network,url,displayName\nVK,https://vk.com/acc_" + unique() + ",X\n";
        assertThat(upload("minzdrav-registry", "zags", utf8(csv)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("zags-accounts", "zags", utf8(csv)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("zags-registry", "nope", utf8(csv)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(upload("demo", "zags", utf8(csv)).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> noUrl = upload("zags-registry", "zags", utf8("network,displayName\nVK,X\n"));
        assertThat(noUrl.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noUrl.getBody().path("field").asText()).isEqualTo("file");
        assertThat(noUrl.getBody().path("detail").asText()).contains("url");
        ResponseEntity<JsonNode> latin1 = upload("zags-registry", "zags",
                "network,url,displayName\nVK,https://vk.com/x,Ãðóïïà\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload("zags-registry", null, utf8(csv)).getBody().path("field").asText()).isEqualTo("org");
    }
}
