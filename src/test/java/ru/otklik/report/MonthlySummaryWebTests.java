package ru.otklik.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.message.MessageRegistry;
import ru.otklik.support.OtklikSpringTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary's page, downloads and JSON, and who may read them (tenant isolation, the media directorate). */
@OtklikSpringTest
class MonthlySummaryWebTests {

    static final String MARCH = "/reports/monthly/minsoc/2030-03";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageRegistry registry;

    @BeforeEach
    void fixture() {
        SummaryFixture.ensureBuilt(jdbc, registry);
    }

    @Test
    @DisplayName("MSG-25, MSG-28: the page is Russian, draws its charts as inline SVG and loads nothing from the internet")
    void page() {
        ResponseEntity<String> page = rest.withBasicAuth("minsoc-coordinator", "demo").getForEntity(MARCH, String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        String html = page.getBody();
        assertThat(html).contains("<html lang=\"ru\"", "Сводка по сообщениям из открытых источников и аккаунтам",
                "март 2030", "<svg", "<polyline", "Соблюдение всех сроков части A по отделам",
                "Отдел социальной поддержки семьи и детей", "Доля соблюдённых сроков (часть A)",
                "Окончательный ответ после промежуточного", "75,0 %", "ivanov",
                "href=\"/reports/monthly/minsoc/2030-03.xlsx\"");
        assertThat(html).doesNotContain("http://", "https://", "<script", "src=");
    }

    @Test
    @DisplayName("XLSX: the «Сообщения» sheet holds numbers (6 messages, 4 answered), shares as numbers with a per cent format")
    void xlsx() throws IOException {
        ResponseEntity<byte[]> file = rest.withBasicAuth("minsoc-coordinator", "demo").getForEntity(MARCH + ".xlsx",
                byte[].class);

        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("svodka-minsoc-2030-03.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            Sheet messages = book.getSheet("Сообщения");
            assertThat(messages.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Организация");
            assertThat(messages.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Сообщений обнаружено");
            assertThat(messages.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(6.0);
            assertThat(messages.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(4.0);
            Sheet deadlines = book.getSheet("Сроки");
            assertThat(deadlines.getRow(10).getCell(0).getStringCellValue()).startsWith("Ответ (8/4");
            assertThat(deadlines.getRow(10).getCell(1).getNumericCellValue()).isEqualTo(0.75);
            assertThat(deadlines.getRow(10).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(book.getSheet("Нарушения").getPhysicalNumberOfRows()).isEqualTo(2 + 6);
        }
    }

    @Test
    @DisplayName("CSV: UTF-8 with BOM, one row per figure")
    void csv() {
        ResponseEntity<byte[]> file = rest.withBasicAuth("minsoc-coordinator", "demo").getForEntity(MARCH + ".csv",
                byte[].class);

        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().toString()).startsWith("text/csv");
        String text = new String(file.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFОрганизация;Период;Таблица;Показатель;Столбец;Значение\r\n");
        assertThat(text).contains("minsoc;2030-03;Сообщения;Сообщений обнаружено;Организация;6\r\n",
                "minsoc;2030-03;Сообщения;Повторных сообщений (MSG-20);Организация;1\r\n");
    }

    @Test
    @DisplayName("JSON for a month and for any period on demand (dates inclusive); bad input is a 400 naming the field")
    void json() {
        JsonNode month = rest.withBasicAuth("minsoc-coordinator", "demo")
                .getForObject("/api/reports/monthly/minsoc/2030-03", JsonNode.class);
        assertThat(month.at("/total/messages").asLong()).isEqualTo(6);
        assertThat(month.at("/total/medianAnswerSeconds").asLong()).isEqualTo(5400);

        JsonNode period = rest.withBasicAuth("minsoc-coordinator", "demo").getForObject(
                "/api/reports/period?organization=minsoc&from=2030-03-04&to=2030-03-05", JsonNode.class);
        assertThat(period.at("/total/messages").asLong()).isEqualTo(2);

        ResponseEntity<JsonNode> badMonth = rest.withBasicAuth("minsoc-coordinator", "demo")
                .getForEntity("/api/reports/monthly/minsoc/2030-13", JsonNode.class);
        assertThat(badMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badMonth.getBody().path("field").asText()).isEqualTo("month");
        ResponseEntity<JsonNode> reversed = rest.withBasicAuth("minsoc-coordinator", "demo").getForEntity(
                "/api/reports/period?organization=minsoc&from=2030-03-05&to=2030-03-04", JsonNode.class);
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody().path("field").asText()).isEqualTo("to");
        ResponseEntity<String> page = rest.withBasicAuth("minsoc-coordinator", "demo").getForEntity(
                "/reports/period?organization=minsoc&from=2030-03-01&to=2030-03-30", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("01.03.2030 – 30.03.2030",
                "href=\"/reports/period.xlsx?organization=minsoc&amp;from=2030-03-01&amp;to=2030-03-30\"");
    }

    @Test
    @DisplayName("Tenants: zags staff may not read minsoc's summary (403); the media directorate (kuzbass-gov head) reads every organization's; no login → 401")
    void access() {
        assertThat(rest.withBasicAuth("zags-coordinator", "demo").getForEntity(MARCH, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("zags-coordinator", "demo")
                .getForEntity("/api/reports/monthly/minsoc/2030-03", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("kuzbass-gov-head", "demo").getForEntity(MARCH, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity(MARCH, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("minsoc-coordinator", "demo")
                .getForEntity("/api/reports/monthly/nowhere/2030-03", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
