package ru.otklik.integration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.otklik.support.OtklikSpringTest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/messages/import} (MSG-8) over HTTP, on the shared application context. */
@OtklikSpringTest
class MonitoringImportTests {

    static final String IMPORT = "/api/messages/import";
    /** Tuesday 24.11.2026 11:00 in Kuzbass. */
    static final Instant NOW = OffsetDateTime.parse("2026-11-24T11:00:00+07:00").toInstant();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void tuesdayMorning() {
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("MSG-8: good, duplicate and bad rows of one file, each with its outcome; a re-import adds nothing")
    void mixedRows() {
        String csv = "\uFEFForg,network,externalId,url,authorName,authorId,text,postedAt,detectedAt,topic,location\n"
                + "zags,VK," + id(1) + ",https://vk.com/wall-1_" + run + "?reply=1,Иван Петров,id1,Когда откроют ЗАГС?,"
                + "2026-11-24T10:05:00+07:00,2026-11-24T10:10:00+07:00,Режим работы,Кемерово\n"
                + "zags,VK," + id(1) + ",,Иван Петров,id1,Когда откроют ЗАГС?,,,,\n"
                + "zags,MySpace," + id(3) + ",,,,Текст,,,,\n"
                + "zags,VK," + id(4) + ",,,,,,,,\n"
                + "zags,VK," + id(5) + ",,,,Текст,вчера,,,\n"
                + ",,,,,,,,,,\n"
                + "nowhere,VK," + id(7) + ",,,,Текст,,,,\n"
                + ",TELEGRAM," + id(8) + ",https://t.me/c/" + run + "/8,,,\"Многострочный, с запятой\nи «кавычками»\",,,,\n";

        JsonNode body = upload("monitoring", csv, Map.of("org", "zags")).getBody();

        assertThat(body.path("total").asInt()).isEqualTo(7);
        assertThat(body.path("accepted").asInt()).isEqualTo(2);
        assertThat(body.path("duplicates").asInt()).isEqualTo(1);
        assertThat(body.path("errors").asInt()).isEqualTo(4);
        JsonNode rows = body.path("rows");
        assertThat(rows).hasSize(7);
        assertRow(rows.get(0), 2, "ACCEPTED", null);
        assertRow(rows.get(1), 3, "DUPLICATE", null);
        assertThat(rows.get(1).path("id").asLong()).isEqualTo(rows.get(0).path("id").asLong());
        assertRow(rows.get(2), 4, "ERROR", "network");
        assertRow(rows.get(3), 5, "ERROR", "text");
        assertRow(rows.get(4), 6, "ERROR", "postedAt");
        assertRow(rows.get(5), 8, "ERROR", "org");
        assertRow(rows.get(6), 9, "ACCEPTED", null);

        Map<String, Object> first = jdbc.queryForMap("SELECT organization_id, author_name, topic, location, "
                + "business_key FROM message WHERE external_id = ?", id(1));
        assertThat(first).containsEntry("organization_id", "zags").containsEntry("author_name", "Иван Петров")
                .containsEntry("topic", "Режим работы").containsEntry("location", "Кемерово");
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey((String) first.get("business_key")).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT text FROM message WHERE external_id = ?", String.class, id(8)))
                .isEqualTo("Многострочный, с запятой\nи «кавычками»");
        assertThat(messages()).isEqualTo(2);

        JsonNode again = upload("monitoring", csv, Map.of("org", "zags", "rows", "errors")).getBody();
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(3);
        assertThat(again.path("rows")).hasSize(4).allSatisfy(r -> assertThat(r.path("status").asText())
                .isEqualTo("ERROR"));
        assertThat(messages()).isEqualTo(2);
    }

    @Test
    @DisplayName("MSG-8: Russian export headers, ';' separator, local times in the organization's zone")
    void russianExport() {
        String csv = "Дата;Сеть;Ссылка;Автор;Текст;Тема;Место\n"
                + "24.11.2026 10:05;ВКонтакте;https://vk.com/wall-2_" + run + "?reply=5;Мария;Где взять справку?;"
                + "Справки;Новокузнецк\n"
                + "2026-11-24 09:30;;https://ok.ru/group/" + run + "/topic/1;Пётр;Спасибо за помощь;;\n";

        ResponseEntity<JsonNode> response = upload("zags-intake", csv, Map.of("org", "zags"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("accepted").asInt()).as(response.getBody().toString()).isEqualTo(2);
        Map<String, Object> vk = jdbc.queryForMap("SELECT network, author_name, topic, location, posted_at "
                + "FROM message WHERE url = ?", "https://vk.com/wall-2_" + run + "?reply=5");
        assertThat(vk).containsEntry("network", "VK").containsEntry("author_name", "Мария")
                .containsEntry("topic", "Справки").containsEntry("location", "Новокузнецк");
        assertThat(instant(vk.get("posted_at"))).isEqualTo(OffsetDateTime.parse("2026-11-24T10:05:00+07:00")
                .toInstant());
        assertThat(jdbc.queryForObject("SELECT network FROM message WHERE url = ?", String.class,
                "https://ok.ru/group/" + run + "/topic/1")).as("network from the link's host").isEqualTo("OK");
    }

    @Test
    @DisplayName("MSG-8: intake systems and ОТО specialists import for their organization only")
    void access() {
        String csv = "org,network,url,text\n"
                + "minsoc,VK,https://vk.com/wall-3_" + run + "?reply=1,Чужая организация\n"
                + "zags,VK,https://vk.com/wall-3_" + run + "?reply=2,Своя организация\n";

        JsonNode body = upload("zags-specialist", csv, Map.of()).getBody();

        assertRow(body.path("rows").get(0), 2, "ERROR", "org");
        assertRow(body.path("rows").get(1), 3, "ACCEPTED", null);
        assertThat(upload("zags-intake", csv, Map.of("org", "minsoc")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("zags-registry", csv, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("monitoring", csv, Map.of("org", "nowhere")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.postForEntity(IMPORT, multipart(csv.getBytes(StandardCharsets.UTF_8), Map.of()),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("a file that cannot be imported as a whole is a 400 naming file, and nothing is stored")
    void badFiles() {
        assertFileRefused(upload("monitoring", "org,network,url,text,likes\nzags,VK,https://vk.com/x,Текст,5\n",
                Map.of()), "likes");
        assertFileRefused(upload("monitoring", "org,network,url\nzags,VK,https://vk.com/x\n", Map.of()), "text");
        assertFileRefused(upload("monitoring", "", Map.of()), "file");
        byte[] cp1251 = "org,network,url,text\nzags,VK,https://vk.com/wall-4_1,Привет\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));
        assertFileRefused(rest.withBasicAuth("monitoring", "demo")
                .postForEntity(IMPORT, multipart(cp1251, Map.of()), JsonNode.class), "UTF-8");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE url LIKE 'https://vk.com/x%' "
                + "OR url = 'https://vk.com/wall-4_1'", Long.class)).isZero();
        assertThat(upload("monitoring", "org,text,url\nzags,a,https://vk.com/y\n", Map.of("rows", "some"))
                .getBody().path("field").asText()).isEqualTo("rows");
    }

    // ---- helpers ----

    private String id(int row) {
        return "import-" + run + "-" + row;
    }

    private long messages() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE external_id LIKE ?", Long.class,
                "import-" + run + "-%");
    }

    ResponseEntity<JsonNode> upload(String user, String csv, Map<String, String> params) {
        return rest.withBasicAuth(user, "demo").postForEntity(IMPORT,
                multipart(csv.getBytes(StandardCharsets.UTF_8), params), JsonNode.class);
    }

    static HttpEntity<MultiValueMap<String, Object>> multipart(byte[] content, Map<String, String> params) {
        Resource file = new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "export.csv";
            }
        };
        return multipart(file, params);
    }

    static HttpEntity<MultiValueMap<String, Object>> multipart(Resource file, Map<String, String> params) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file);
        params.forEach(parts::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    static void assertRow(JsonNode row, int number, String status, String field) {
        assertThat(row.path("row").asInt()).as(row.toString()).isEqualTo(number);
        assertThat(row.path("status").asText()).as(row.toString()).isEqualTo(status);
        if (field != null) {
            assertThat(row.path("field").asText()).as(row.toString()).isEqualTo(field);
            assertThat(row.path("message").asText()).isNotBlank();
        }
    }

    static void assertFileRefused(ResponseEntity<JsonNode> response, String mentioned) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asText()).isEqualTo("file");
        assertThat(response.getBody().path("detail").asText()).contains(mentioned);
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }
}
