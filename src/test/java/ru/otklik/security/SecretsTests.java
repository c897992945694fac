package ru.otklik.security;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.account.AccountRegistry;
import ru.otklik.account.NetworkDomains;
import ru.otklik.organization.Network;
import ru.otklik.support.OtklikSpringTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets stay out of the logs, out of the database in plain text and out of the repository. */
@OtklikSpringTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests {

    /** Tuesday 24.11.2026 11:00 in Kuzbass. */
    static final Instant NOW = OffsetDateTime.parse("2026-11-24T11:00:00+07:00").toInstant();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRegistry accounts;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("a VK secret saved, sent right and sent wrong never appears in the log or in plain text in the database")
    void vkSecret(CapturedOutput output) {
        ClockUtil.setCurrentTime(Date.from(NOW));
        long group = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        accounts.insertImported(new AccountRegistry.NewAccount("zags", Network.VK,
                        NetworkDomains.parse(Network.VK, "https://vk.com/club" + group, "url"), "Сообщество " + group,
                        "club" + group, "Аккаунт органа", "zags-registry"),
                new AccountRegistry.ExistingDetails(LocalDate.of(2020, 1, 15), true, true, true, true,
                        LocalDate.of(2026, 10, 1), List.of("zags-accounts")), "test");
        String secret = "Sec" + UUID.randomUUID().toString().replace("-", "");
        String wrong = "Wrong" + UUID.randomUUID().toString().replace("-", "");

        ResponseEntity<String> saved = rest.withBasicAuth("zags-registry", "demo").exchange(
                "/api/integrations/vk/communities/" + group, HttpMethod.PUT,
                new HttpEntity<>(Map.of("confirmation", "c0nfirm", "secret", secret)), String.class);
        assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
        ResponseEntity<String> refused = callback("{\"type\":\"wall_reply_new\",\"group_id\":" + group
                + ",\"secret\":\"" + wrong + "\",\"object\":{}}");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> accepted = callback("{\"type\":\"wall_reply_new\",\"group_id\":" + group
                + ",\"secret\":\"" + secret + "\",\"event_id\":\"s1\",\"object\":{\"id\":501,\"from_id\":77,"
                + "\"post_id\":11,\"owner_id\":-" + group + ",\"date\":" + (NOW.getEpochSecond() - 600)
                + ",\"text\":\"Вопрос о секрете\"}}");
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(200);

        assertThat(output.getAll()).as("the log shows that it ran").contains("VK community " + group);
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(wrong);
        assertThat(saved.getBody() + refused.getBody()).doesNotContain(secret).doesNotContain(wrong);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM vk_community WHERE group_id = ?", group);
        String cipher = String.valueOf(row.get("secret_cipher"));
        assertThat(cipher).isNotBlank();
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(secret));
        assertThat(decodedOrEmpty(cipher)).doesNotContain(secret);
    }

    private ResponseEntity<String> callback(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity("/api/integrations/vk/callback", new HttpEntity<>(body, headers), String.class);
    }

    /** Every Base64 piece of the stored value, decoded, so that an encoding is not mistaken for encryption. */
    private static String decodedOrEmpty(String stored) {
        StringBuilder decoded = new StringBuilder();
        for (String piece : stored.split("[^A-Za-z0-9+/=_-]+")) {
            try {
                decoded.append(new String(Base64.getDecoder().decode(piece), StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException notBase64) {
                try {
                    decoded.append(new String(Base64.getUrlDecoder().decode(piece), StandardCharsets.ISO_8859_1));
                } catch (IllegalArgumentException neither) {
                    // not an encoding of anything
                }
            }
        }
        return decoded.toString();
    }

    /** {@code key = "long literal"}: a value that is not a placeholder, an example or a demo value. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(password|passwd|secret|token|api[_-]?key|private[_-]?key)[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9+/=_-]{12,})");

    @Test
    @DisplayName("no secret-looking value is committed outside the tests")
    void noSecretsInTheRepository() throws IOException {
        Path root = Path.of(System.getProperty("user.dir"));
        List<Path> roots = Stream.of("src/main", "docker-compose.yml", "Dockerfile", "pom.xml", ".ci")
                .map(root::resolve).filter(Files::exists).toList();
        assertThat(roots).isNotEmpty();
        for (Path start : roots) {
            try (Stream<Path> files = Files.walk(start)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().matches(".*\\.(java|ya?ml|properties|xml|json|sh|env|conf)$")
                                || f.getFileName().toString().matches("Dockerfile|run|docker-compose.yml")).toList()) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    var matcher = SECRET.matcher(text);
                    while (matcher.find()) {
                        String value = matcher.group(2);
                        assertThat(value.startsWith("${") || value.matches("[A-Z_]+|[a-z]+([A-Z][a-z]+)*"))
                                .as(root.relativize(file) + ": " + matcher.group()).isTrue();
                    }
                }
            }
        }
    }
}
