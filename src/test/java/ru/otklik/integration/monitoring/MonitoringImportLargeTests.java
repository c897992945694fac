package ru.otklik.integration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikPostgresTest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole import of a 100 000-row export (every 10th row a duplicate) on PostgreSQL, in a heap of 512 MB: the
 * pom's profile {@code large-tests} runs the test JVM with {@code -Xmx512m}. One case per new row, so it runs for
 * a long time and is skipped unless asked for:
 * {@code mvn test -Dtest=MonitoringImportLargeTests -Dotklik.large-tests=true [-Dotklik.large-rows=100000]}.
 * The file is generated on disk, uploaded as a stream, imported by the worker and its outcomes downloaded as CSV.
 */
@OtklikPostgresTest
@EnabledIfSystemProperty(named = "otklik.large-tests", matches = "true")
class MonitoringImportLargeTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MonitoringImportWorker worker;

    @Test
    @DisplayName("MSG-8: a 100 000-row export is imported in the background in a bounded heap")
    void largeExport(@TempDir Path dir) throws IOException {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx512m (profile large-tests)")
                .isLessThanOrEqualTo(512L * 1024 * 1024);
        int rows = Integer.getInteger("otklik.large-rows", 100_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("export.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("org,network,externalId,url,authorName,text,postedAt,topic\n");
            for (int i = 1; i <= rows; i++) {
                int post = i % 10 == 0 ? i - 1 : i;
                out.write("zags,VK,large-" + run + "-" + post + ",,Автор " + i + ",\"Сообщение номер " + i
                        + ", с запятой\",2026-11-20T10:00:00+07:00,Тест\n");
            }
        }

        long started = System.nanoTime();
        ResponseEntity<JsonNode> accepted = rest.withBasicAuth("zags-intake", "demo").postForEntity(
                "/api/messages/import", MonitoringImportTests.multipart(new FileSystemResource(file), Map.of()),
                JsonNode.class);
        long uploaded = System.nanoTime();
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();

        assertThat(worker.run(accepted.getBody().path("id").asLong())).isTrue();
        long imported = System.nanoTime();

        JsonNode job = rest.withBasicAuth("zags-intake", "demo").getForObject(location, JsonNode.class);
        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("total").asInt()).isEqualTo(rows);
        assertThat(job.path("duplicates").asInt()).isEqualTo(rows / 10);
        assertThat(job.path("errors").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE external_id LIKE ?", Long.class,
                "large-" + run + "-%")).isEqualTo(rows - rows / 10);
        long lines = rest.withBasicAuth("zags-intake", "demo").execute(location + "/rows.csv", HttpMethod.GET, null,
                response -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(response.getBody(),
                            StandardCharsets.UTF_8))) {
                        return in.lines().count();
                    }
                });
        assertThat(lines).as("header and one line per row").isEqualTo(rows + 1L);
        // the rows' cases start in the background (CaseStarter; the job executor is off in tests): all are queued
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message m JOIN message_case_queue q ON q.message_id = m.id "
                + "WHERE m.external_id LIKE ?", Long.class, "large-" + run + "-%")).isEqualTo(rows - rows / 10);
        System.out.printf("Imported %d rows on PostgreSQL: upload %.1f s, import %.0f s (%.1f ms/row), "
                        + "peak heap %d MB of max %d MB%n", rows, (uploaded - started) / 1e9, (imported - uploaded) / 1e9,
                (imported - uploaded) / 1e6 / rows, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
    }
}
