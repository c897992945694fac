package ru.otklik.integration.monitoring;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.otklik.integration.monitoring.MonitoringCsv.Column;
import ru.otklik.message.MessageRequest;
import ru.otklik.organization.Network;
import ru.otklik.web.InvalidFieldException;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading monitoring exports without the application: headers, separators, encodings, rows, memory. */
class MonitoringCsvTests {

    static final ZoneId KUZBASS = ZoneId.of("Asia/Novokuznetsk");

    @Test
    @DisplayName("English header with BOM and ',' and the Russian export header with ';' name the same columns")
    void headers() throws IOException {
        try (MonitoringCsv csv = csv("\uFEFFURL,Text,network\nhttps://vk.com/wall-1_2,Привет,VK\n")) {
            MonitoringCsv.Row row = csv.next();
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.get(Column.URL)).isEqualTo("https://vk.com/wall-1_2");
            assertThat(row.get(Column.TEXT)).isEqualTo("Привет");
            assertThat(csv.hasNext()).isFalse();
        }
        try (MonitoringCsv csv = csv("Дата;Сеть;Ссылка;Автор;Текст;Тема;Место\r\n"
                + "24.11.2026 10:05;ВКонтакте;https://vk.com/wall-1_3;Мария;Текст, с запятой;Справки;Кемерово\r\n")) {
            MonitoringCsv.Row row = csv.next();
            assertThat(row.get(Column.POSTED_AT)).isEqualTo("24.11.2026 10:05");
            assertThat(row.get(Column.NETWORK)).isEqualTo("ВКонтакте");
            assertThat(row.get(Column.AUTHOR_NAME)).isEqualTo("Мария");
            assertThat(row.get(Column.TEXT)).isEqualTo("Текст, с запятой");
            assertThat(row.get(Column.TOPIC)).isEqualTo("Справки");
            assertThat(row.get(Column.LOCATION)).isEqualTo("Кемерово");
        }
    }

    @Test
    @DisplayName("an unknown, repeated or missing column, an empty file and another encoding are refused up front")
    void badHeaders() {
        assertThatThrownBy(() -> csv("url,text,likes\n")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("likes");
        assertThatThrownBy(() -> csv("url,text,Ссылка\n")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("дважды");
        assertThatThrownBy(() -> csv("url,network\n")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("text");
        assertThatThrownBy(() -> csv("text,network\n")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("url");
        assertThatThrownBy(() -> csv("")).isInstanceOf(InvalidFieldException.class).hasMessageContaining("пуст");
        assertThatThrownBy(() -> new MonitoringCsv(new ByteArrayInputStream("Текст,Ссылка\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1251")))))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("UTF-8");
    }

    @Test
    @DisplayName("networks by code, Russian name or the link's host; times with offset or in the organization's zone")
    void rowsToRequests() throws IOException {
        try (MonitoringCsv csv = csv("org,network,url,text,postedAt,detectedAt\n"
                + ",вконтакте,https://vk.com/wall-1_4,Текст,24.11.2026 10:05,2026-11-24T10:10:00+07:00\n"
                + "minsoc,,https://www.ok.ru/group/1/topic/2,Текст,2026-11-24 09:30,\n")) {
            MessageRequest vk = MonitoringRows.request(csv.next(), "zags", org -> KUZBASS);
            assertThat(vk.org()).isEqualTo("zags");
            assertThat(vk.network()).isEqualTo(Network.VK);
            assertThat(vk.postedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T10:05:00+07:00"));
            assertThat(vk.detectedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T10:10:00+07:00"));
            MessageRequest ok = MonitoringRows.request(csv.next(), "zags", org -> KUZBASS);
            assertThat(ok.org()).isEqualTo("minsoc");
            assertThat(ok.network()).isEqualTo(Network.OK);
            assertThat(ok.postedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T09:30:00+07:00"));
        }
        assertThat(MonitoringRows.network("Телеграм", null)).isEqualTo(Network.TELEGRAM);
        assertThat(MonitoringRows.network("t.me", null)).isEqualTo(Network.TELEGRAM);
        assertThatThrownBy(() -> MonitoringRows.network("MySpace", null)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> MonitoringRows.network(null, "https://example.ru/1"))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    @DisplayName("broken quoting mid-file stops the file at that row; the rows before it were read")
    void brokenQuoting() throws IOException {
        try (MonitoringCsv csv = csv("url,text\nhttps://vk.com/a,первая\nhttps://vk.com/b,\"незакрытая кавычка\n")) {
            assertThat(csv.next().number()).isEqualTo(2);
            assertThatThrownBy(csv::hasNext).isInstanceOf(MonitoringCsv.UnreadableException.class);
        }
    }

    @Test
    @DisplayName("100 000 rows stream through in bounded memory: the heap does not grow with the file")
    void hundredThousandRows(@TempDir Path dir) throws IOException {
        int rows = 100_000;
        Path file = dir.resolve("export.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\uFEFFДата;Сеть;Ссылка;Автор;Текст;Тема;Место\n");
            String text = "Добрый день! Когда починят дорогу на улице Весенней? ".repeat(5);
            for (int i = 1; i <= rows; i++) {
                out.write("24.11.2026 10:05;ВКонтакте;https://vk.com/wall-1_" + i + ";Автор " + i + ";\"" + text
                        + i + "\";Дороги;Кемерово\n");
            }
        }
        assertThat(Files.size(file)).as("a file far larger than the heap growth allowed below")
                .isGreaterThan(40L * 1024 * 1024);

        long baseline = 0;
        long peak = 0;
        int count = 0;
        int last = 0;
        try (InputStream in = Files.newInputStream(file); MonitoringCsv csv = new MonitoringCsv(in)) {
            while (csv.hasNext()) {
                MonitoringCsv.Row row = csv.next();
                MonitoringRows.request(row, "zags", org -> KUZBASS);
                count++;
                last = row.number();
                if (count == 1_000) {
                    baseline = usedHeapAfterGc();
                } else if (count % 25_000 == 0) {
                    peak = Math.max(peak, usedHeapAfterGc());
                }
            }
        }

        assertThat(count).isEqualTo(rows);
        assertThat(last).isEqualTo(rows + 1);
        assertThat(peak - baseline).as("heap growth while reading, bytes").isLessThan(16L * 1024 * 1024);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static MonitoringCsv csv(String content) throws IOException {
        return new MonitoringCsv(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
