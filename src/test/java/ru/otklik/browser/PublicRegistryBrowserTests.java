package ru.otklik.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The public registry of accounts (ACC-5, ACC-16) in a browser, without login, with hostile names as text. */
@Tag("browser")
@OtklikSpringTest
@DisplayName("Browser: the public registry of accounts")
class PublicRegistryBrowserTests {

    static final String HOSTILE_NAME = "<img src=x onerror=alert(3)><script>window.__x=1</script> Группа ЗАГС";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("ACC-5, ACC-16: /registry shows the organization's accounts in Russian, markup in names as text")
    void registryShowsHostileNamesAsText() {
        // Given the registry keeper of ЗАГС loaded an account whose name and purpose carry markup and a script
        String url = "https://vk.com/browser_" + System.nanoTime();
        importAccount(url);

        // When anyone opens the organization's page of the public registry
        try (Browser browser = Browser.open("http://localhost:" + port)) {
            browser.get("/registry?org=zags");

            // Then the page is in Russian and the account's row shows the name exactly as entered, as text
            assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Реестр аккаунтов: Управление ЗАГС Кузбасса");
            By row = By.xpath("//tr[.//a[@href=" + Browser.literal(url) + "]]");
            assertThat(browser.visible(row).getText()).contains("ВКонтакте", HOSTILE_NAME, "Аккаунт <b>органа</b>",
                    "01.03.2020");
            browser.screenshot("11-public-registry", By.tagName("h1"));
            TasklistBrowserTests.assertNoScriptRan(browser);
        }
    }

    private void importAccount(String url) {
        String csv = "network,url,displayName,purpose,createdOn,officialPage\r\n"
                + "VK," + url + ",\"" + HOSTILE_NAME + "\",Аккаунт <b>органа</b>,2020-03-01,да\r\n";
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("org", "zags");
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "accounts.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> response = rest.withBasicAuth("zags-registry", TasklistBrowserTests.PASSWORD)
                .postForEntity("/api/accounts/import", new HttpEntity<>(form, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("errors").asInt()).as(String.valueOf(response.getBody())).isZero();
    }
}
