package ru.otklik.integration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.otklik.message.CaseStarter;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.otklik.support.OtklikSpringTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The imports of monitoring exports (MSG-8) over HTTP, on the shared application context; the worker runs in the test. */
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
    @Autowired
    MonitoringImportWorker worker;
    @Autowired
    CaseStarter caseStarter;
    @Autowired
    MonitoringImportJobs jobs;
    @Autowired
    ImportSpool spool;
    @Autowired
    MonitoringImport imports;
    @Autowired
    IdentityService identity;
    @Autowired
    PlatformTransactionManager transactions;

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
    @DisplayName("MSG-8: good, duplicate and bad rows in the background: 202, job, paged rows, CSV; a re-import adds nothing")
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

        ResponseEntity<JsonNode> accepted = upload("monitoring", csv, Map.of("org", "zags"));

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        long job = accepted.getBody().path("id").asLong();
        assertThat(location).isEqualTo("/api/messages/imports/" + job);
        assertThat(accepted.getBody().path("status").asText()).isEqualTo("QUEUED");
        assertThat(accepted.getBody().path("org").asText()).isEqualTo("zags");
        assertThat(accepted.getBody().path("size").asLong()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
        assertThat(messages()).as("nothing imported before the worker runs").isZero();

        assertThat(worker.run(job)).isTrue();

        JsonNode done = get("monitoring", location).getBody();
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("lastRow").asInt()).isEqualTo(9);
        assertThat(done.path("total").asInt()).isEqualTo(7);
        assertThat(done.path("accepted").asInt()).isEqualTo(2);
        assertThat(done.path("duplicates").asInt()).isEqualTo(1);
        assertThat(done.path("errors").asInt()).isEqualTo(4);
        assertThat(done.path("finishedAt").asText()).isEqualTo("2026-11-24T11:00:00+07:00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_import_chunk WHERE import_id = ?", Long.class, job))
                .as("the spooled file is freed once done").isZero();

        JsonNode first = get("monitoring", location + "/rows?size=4").getBody();
        JsonNode second = get("monitoring", location + "/rows?size=4&page=1").getBody();
        assertThat(first.path("total").asInt()).isEqualTo(7);
        assertThat(first.path("items")).hasSize(4);
        assertThat(second.path("items")).hasSize(3);
        List<JsonNode> rows = new java.util.ArrayList<>();
        first.path("items").forEach(rows::add);
        second.path("items").forEach(rows::add);
        assertRow(rows.get(0), 2, "ACCEPTED", null);
        assertRow(rows.get(1), 3, "DUPLICATE", null);
        assertThat(rows.get(1).path("id").asLong()).isEqualTo(rows.get(0).path("id").asLong());
        assertThat(rows.get(1).path("businessKey").asText()).isEqualTo(rows.get(0).path("businessKey").asText());
        assertRow(rows.get(2), 4, "ERROR", "network");
        assertThat(rows.get(2).has("id")).as("an error names no entry").isFalse();
        assertRow(rows.get(3), 5, "ERROR", "text");
        assertRow(rows.get(4), 6, "ERROR", "postedAt");
        assertRow(rows.get(5), 8, "ERROR", "org");
        assertRow(rows.get(6), 9, "ACCEPTED", null);
        JsonNode errors = get("monitoring", location + "/rows?status=error").getBody();
        assertThat(errors.path("total").asInt()).isEqualTo(4);
        assertThat(errors.path("items").get(0).path("row").asInt()).isEqualTo(4);

        Map<String, Object> entry = jdbc.queryForMap("SELECT organization_id, author_name, topic, location, "
                + "business_key FROM message WHERE external_id = ?", id(1));
        assertThat(entry).containsEntry("organization_id", "zags").containsEntry("author_name", "Иван Петров")
                .containsEntry("topic", "Режим работы").containsEntry("location", "Кемерово");
        assertThat(rows.get(0).path("businessKey").asText()).isEqualTo(entry.get("business_key"));
        // the rows' cases start in the background, after the import
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey((String) entry.get("business_key")).count()).isZero();
        assertThat(caseStarter.startPending(Duration.ofMinutes(1))).isGreaterThanOrEqualTo(2);
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey((String) entry.get("business_key")).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT text FROM message WHERE external_id = ?", String.class, id(8)))
                .isEqualTo("Многострочный, с запятой\nи «кавычками»");
        assertThat(messages()).isEqualTo(2);

        ResponseEntity<byte[]> download = rest.withBasicAuth("monitoring", "demo")
                .getForEntity(location + "/rows.csv", byte[].class);
        assertThat(download.getHeaders().getContentType().toString()).startsWith("text/csv");
        String text = new String(download.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFrow,status,id,businessKey,field,message\n");
        String[] lines = text.substring(1).split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[1]).startsWith("2,ACCEPTED,").contains("," + entry.get("business_key") + ",");
        assertThat(lines[3]).startsWith("4,ERROR,,,network,");

        JsonNode again = upload("monitoring", csv, Map.of("org", "zags", "wait", "true")).getBody();
        assertThat(again.path("status").asText()).isEqualTo("DONE");
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(3);
        assertThat(again.path("rows")).hasSize(7);
        assertThat(again.path("rows").get(6).path("businessKey").asText())
                .isEqualTo(rows.get(6).path("businessKey").asText());
        assertThat(messages()).isEqualTo(2);
    }

    @Test
    @DisplayName("MSG-8: Russian export headers, ';' separator, local times in the organization's zone")
    void russianExport() {
        String csv = "Дата;Сеть;Ссылка;Автор;Текст;Тема;Место\n"
                + "24.11.2026 10:05;ВКонтакте;https://vk.com/wall-2_" + run + "?reply=5;Мария;Где взять справку?;"
                + "Справки;Новокузнецк\n"
                + "2026-11-24 09:30;;https://ok.ru/group/" + run + "/topic/1;Пётр;Спасибо за помощь;;\n";

        ResponseEntity<JsonNode> response = upload("zags-intake", csv, Map.of("wait", "true"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("org").asText()).as("the caller's only organization").isEqualTo("zags");
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
    @DisplayName("MSG-8: intake systems and ОТО specialists import for their organization; only its staff read the import")
    void access() {
        String csv = "org,network,url,text\n"
                + "minsoc,VK,https://vk.com/wall-3_" + run + "?reply=1,Чужая организация\n"
                + "zags,VK,https://vk.com/wall-3_" + run + "?reply=2,Своя организация\n";

        JsonNode body = upload("zags-specialist", csv, Map.of("wait", "true")).getBody();

        assertThat(body.path("org").asText()).isEqualTo("zags");
        assertRow(body.path("rows").get(0), 2, "ERROR", "org");
        assertRow(body.path("rows").get(1), 3, "ACCEPTED", null);
        String job = "/api/messages/imports/" + body.path("id").asLong();
        assertThat(get("zags-auditor", job).getStatusCode()).as("staff of the organization").isEqualTo(HttpStatus.OK);
        assertThat(get("minsoc-specialist", job).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("minsoc-specialist", job + "/rows").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("minsoc-specialist", job + "/rows.csv").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> system = upload("monitoring", csv, Map.of());
        assertThat(system.getBody().path("org").isMissingNode()).as("an import of several organizations").isTrue();
        String systemJob = system.getHeaders().getLocation().toString();
        assertThat(get("monitoring", systemJob).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("demo", systemJob).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("zags-specialist", systemJob).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(upload("zags-intake", csv, Map.of("org", "minsoc")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("zags-registry", csv, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("monitoring", csv, Map.of("org", "nowhere")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.postForEntity(IMPORT, multipart(csv.getBytes(StandardCharsets.UTF_8), Map.of()),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity(job, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
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
                .postForEntity(IMPORT, multipart(cp1251, fileName(), Map.of()), JsonNode.class), "UTF-8");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_import WHERE file_name = ?", Long.class,
                fileName())).as("no job stored").isZero();
        assertThat(upload("monitoring", "org,text,url\nzags,a,https://vk.com/y\n", Map.of("wait", "some"))
                .getBody().path("field").asText()).isEqualTo("wait");
        String big = "org,text,url\n" + ("zags,текст,https://vk.com/z\n").repeat(3000);
        assertThat(upload("monitoring", big, Map.of("wait", "true")).getBody().path("field").asText())
                .as("too large to wait for").isEqualTo("wait");
        assertThat(get("monitoring", "/api/messages/imports/" + Long.MAX_VALUE).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("MSG-8: a job cut off after some batches is resumed after the lease lapses; no row is imported twice")
    void resume() {
        int count = 12;
        StringBuilder csv = new StringBuilder("org,network,externalId,text\n");
        for (int i = 1; i <= count; i++) {
            csv.append("zags,VK,").append(id(100 + i)).append(",Сообщение ").append(i).append('\n');
        }
        long job = upload("zags-intake", csv.toString(), Map.of()).getBody().path("id").asLong();
        MonitoringImportWorker first = worker(3);
        MonitoringImportWorker second = worker(3);

        assertThat(first.run(job, 2, Long.MAX_VALUE)).as("stopped after two batches, as by a crash").isFalse();

        JsonNode cut = get("zags-intake", "/api/messages/imports/" + job).getBody();
        int done = cut.path("accepted").asInt();
        assertThat(cut.path("status").asText()).isEqualTo("RUNNING");
        assertThat(done).isBetween(2, 6);
        assertThat(cut.path("lastRow").asInt()).isEqualTo(done + 1);
        assertThat(cut.path("percent").asInt()).isBetween(0, 99);
        assertThat(messages()).isEqualTo(done);
        assertThat(second.run(job)).as("the first node's lease still holds").isFalse();

        ClockUtil.setCurrentTime(Date.from(NOW.plus(MonitoringImportWorker.LEASE).plusSeconds(1)));
        assertThat(second.run(job)).as("resumed by another node").isTrue();
        assertThat(first.run(job, 1, Long.MAX_VALUE)).as("the first node lost its claim").isFalse();

        JsonNode finished = get("zags-intake", "/api/messages/imports/" + job).getBody();
        assertThat(finished.path("status").asText()).isEqualTo("DONE");
        assertThat(finished.path("accepted").asInt()).isEqualTo(count);
        assertThat(finished.path("duplicates").asInt()).isZero();
        assertThat(messages()).isEqualTo(count);
        JsonNode rows = get("zags-intake", "/api/messages/imports/" + job + "/rows").getBody().path("items");
        assertThat(rows).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertRow(rows.get(i), i + 2, "ACCEPTED", null);
            assertThat(rows.get(i).path("businessKey").asText()).isEqualTo(jdbc.queryForObject(
                    "SELECT business_key FROM message WHERE external_id = ?", String.class, id(101 + i)));
        }
    }

    // ---- helpers ----

    private String id(int row) {
        return "import-" + run + "-" + row;
    }

    private long messages() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE external_id LIKE ?", Long.class,
                "import-" + run + "-%");
    }

    private String fileName() {
        return "export-" + run + ".csv";
    }

    /** A worker as on another node, with batches of {@code rows}. */
    private MonitoringImportWorker worker(int rows) {
        return new MonitoringImportWorker(jobs, spool, imports, identity, transactions, false, rows);
    }

    ResponseEntity<JsonNode> upload(String user, String csv, Map<String, String> params) {
        return rest.withBasicAuth(user, "demo").postForEntity(IMPORT,
                multipart(csv.getBytes(StandardCharsets.UTF_8), fileName(), params), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    static HttpEntity<MultiValueMap<String, Object>> multipart(byte[] content, Map<String, String> params) {
        return multipart(content, "export.csv", params);
    }

    static HttpEntity<MultiValueMap<String, Object>> multipart(byte[] content, String name,
                                                               Map<String, String> params) {
        Resource file = new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
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
