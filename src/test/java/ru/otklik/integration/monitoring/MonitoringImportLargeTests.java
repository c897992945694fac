package ru.otklik.integration.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikSpringTest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole import of a 100 000-row export: one case per new row (about 0.1 s each on H2), so it runs for
 * hours and is skipped unless asked for:
 * {@code mvn test -Dtest=MonitoringImportLargeTests -Dotklik.large-tests=true [-Dotklik.large-rows=100000]}.
 * The file is generated on disk, uploaded as a stream and answered with {@code rows=errors}.
 */
@OtklikSpringTest
@EnabledIfSystemProperty(named = "otklik.large-tests", matches = "true")
class MonitoringImportLargeTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("MSG-8: a 100 000-row export (every 10th row a duplicate) is imported row by row")
    void largeExport(@TempDir Path dir) throws IOException {
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
        ResponseEntity<JsonNode> response = rest.withBasicAuth("monitoring", "demo").postForEntity(
                "/api/messages/import",
                MonitoringImportTests.multipart(new FileSystemResource(file), Map.of("rows", "errors")),
                JsonNode.class);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        System.out.printf("Imported %d rows in %d s: %s accepted, %s duplicates, %s errors%n", rows, seconds,
                body.path("accepted"), body.path("duplicates"), body.path("errors"));
        assertThat(body.path("total").asInt()).isEqualTo(rows);
        assertThat(body.path("duplicates").asInt()).isEqualTo(rows / 10);
        assertThat(body.path("errors").asInt()).isZero();
        assertThat(body.path("rows")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE external_id LIKE ?", Long.class,
                "large-" + run + "-%")).isEqualTo(rows - rows / 10);
    }
}
