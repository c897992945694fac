package ru.otklik.retention;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.content.moderation.ModerationAction;
import ru.otklik.content.moderation.ModerationLog;
import ru.otklik.content.moderation.ModerationReason;
import ru.otklik.content.moderation.NewModeration;
import ru.otklik.notification.Notification;
import ru.otklik.notification.NotificationKind;
import ru.otklik.notification.TasklistNotifier;
import ru.otklik.organization.Network;
import ru.otklik.support.OtklikSpringTest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymisation of authors' data after {@code otklik.retention.author-data} (P3Y). The run happens at
 * 2018-03-05 10:00 Kuzbass time (UTC+7 since 26.10.2014), so the period reaches back to 2015-03-05 10:00 +07:00
 * = 03:00 UTC: a case cancelled on 2015-03-04 10:00 (3 years and a day before) loses its author's data, one
 * cancelled on 2015-03-06 10:00 (3 years less a day) and one still open since 2014 keep them. The dates lie
 * before any other test's data.
 */
@OtklikSpringTest
class AuthorDataRetentionTests {

    static final OffsetDateTime RUN_AT = OffsetDateTime.parse("2018-03-05T10:00:00+07:00");
    static final OffsetDateTime ENDED_LONG_AGO = OffsetDateTime.parse("2015-03-04T10:00:00+07:00");
    static final OffsetDateTime ENDED_RECENTLY = OffsetDateTime.parse("2015-03-06T10:00:00+07:00");
    static final OffsetDateTime OPEN_SINCE = OffsetDateTime.parse("2014-11-03T10:00:00+07:00");
    static final String MARKER = "«обезличено»";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    AuthorDataRetention retention;
    @Autowired
    TasklistNotifier notifier;
    @Autowired
    ModerationLog moderation;
    RetentionTesting cases;

    @BeforeEach
    void cases() {
        cases = new RetentionTesting(rest, jdbc, runtime);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Cases ended more than 3 years ago lose their authors' data everywhere; newer and open cases keep them; a rerun changes nothing")
    void anonymisesAfterThePeriod() {
        RetentionTesting.Case old = cases.reportAndCancel(ENDED_LONG_AGO, "Ольга Старова");
        RetentionTesting.Case recent = cases.reportAndCancel(ENDED_RECENTLY, "Пётр Новиков");
        RetentionTesting.Case open = cases.report(OPEN_SINCE, "Анна Открытова");
        String oldNotification = "Сеть: VK, ссылка: " + old.url() + ", автор: Ольга Старова, тема: Регистрация брака. Текст: "
                + old.text();
        RetentionTesting.clockAt(ENDED_LONG_AGO);
        long notificationId = notifier.store(new Notification("zags", NotificationKind.ELEVATED_IMPORTANCE, old.id(),
                null, Set.of(), Set.of("zags-head"), "Сообщение повышенной важности — " + old.businessKey(),
                oldNotification));
        long moderationId = moderation.record(new NewModeration("zags", Network.VK, null, old.id(), old.url(), old.authorId(),
                "Ольга Старова", ModerationReason.SPAM, ModerationAction.DELETED,
                "Ольга Старова пишет это уже в пятый раз", "zags-specialist", ENDED_LONG_AGO.toInstant())).id();
        String commentAuthor = "commenter-" + UUID.randomUUID();
        long oldComment = moderation.record(new NewModeration("zags", Network.VK, null, null,
                "https://vk.com/wall-1_2?reply=" + commentAuthor, commentAuthor, "Комментатор", ModerationReason.SPAM,
                ModerationAction.DELETED, null, "zags-specialist", ENDED_LONG_AGO.toInstant())).id();
        long recentComment = moderation.record(new NewModeration("zags", Network.VK, null, null,
                "https://vk.com/wall-1_3?reply=" + commentAuthor, commentAuthor, "Комментатор", ModerationReason.SPAM,
                ModerationAction.DELETED, null, "zags-specialist", ENDED_RECENTLY.toInstant())).id();
        List<Map<String, Object>> figuresBefore = monthlyFigures();

        RetentionTesting.clockAt(RUN_AT);
        RetentionRun run = retention.run("test").orElseThrow();

        assertThat(run.endedBefore()).isEqualTo(Instant.parse("2015-03-05T03:00:00Z"));
        assertThat(run.messages()).isGreaterThanOrEqualTo(1);
        Map<String, Object> oldRow = cases.message(old.id());
        assertThat(oldRow).containsEntry("AUTHOR_NAME", MARKER).containsEntry("AUTHOR_ID", MARKER)
                .containsEntry("TEXT", MARKER).containsEntry("URL", null).containsEntry("EXTERNAL_ID", null)
                .containsEntry("TOPIC", "Регистрация брака").containsEntry("LOCATION", "Кемерово")
                .containsEntry("STATUS", "CANCELLED");
        assertThat(oldRow.get("ANONYMISED_AT")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT body FROM notification WHERE id = ?", String.class, notificationId))
                .isEqualTo("Сеть: VK, ссылка: " + MARKER + ", автор: " + MARKER + ", тема: Регистрация брака. Текст: "
                        + MARKER);
        assertThat(jdbc.queryForMap("SELECT author_name, author_id, url, notes FROM moderation_log WHERE id = ?",
                moderationId)).containsEntry("AUTHOR_NAME", MARKER).containsEntry("AUTHOR_ID", MARKER)
                .containsEntry("URL", null).containsEntry("NOTES", MARKER + " пишет это уже в пятый раз");
        assertThat(jdbc.queryForMap("SELECT author_name, author_id, url FROM moderation_log WHERE id = ?", oldComment))
                .containsEntry("AUTHOR_NAME", MARKER).containsEntry("AUTHOR_ID", MARKER).containsEntry("URL", null);
        assertThat(jdbc.queryForObject("SELECT author_id FROM moderation_log WHERE id = ?", String.class, recentComment))
                .isEqualTo(commentAuthor);
        assertThat(jdbc.queryForList("SELECT details FROM message_event WHERE message_id = ?", String.class, old.id()))
                .isNotEmpty().noneMatch(d -> d != null && (d.contains("Ольга") || d.contains(old.authorId())));
        // the author's variables are gone from the case's history, the rest of its trail stays
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(old.processInstanceId())
                .variableNameIn("authorName", "authorId", "text", "url", "externalId").count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(old.processInstanceId())
                .variableName("topic").singleResult().getValue()).isEqualTo("Регистрация брака");

        assertThat(cases.message(recent.id())).containsEntry("AUTHOR_NAME", "Пётр Новиков").containsEntry("TEXT", recent.text())
                .containsEntry("URL", recent.url()).containsEntry("ANONYMISED_AT", null);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(recent.processInstanceId())
                .variableName("authorName").singleResult().getValue()).isEqualTo("Пётр Новиков");
        assertThat(cases.message(open.id())).containsEntry("AUTHOR_NAME", "Анна Открытова").containsEntry("TEXT", open.text())
                .containsEntry("STATUS", "ROUTING");
        assertThat(monthlyFigures()).isEqualTo(figuresBefore);
        assertThat(jdbc.queryForObject("SELECT messages FROM retention_run WHERE id = ?", Integer.class, run.id()))
                .isEqualTo(run.messages());

        // a second run, by an administrator over the API, finds nothing left to do
        Map<String, Object> before = cases.message(old.id());
        ResponseEntity<JsonNode> again = rest.withBasicAuth("demo", "demo").postForEntity("/api/retention/run", null,
                JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("messages").asInt()).isZero();
        assertThat(again.getBody().get("moderationEntries").asInt()).isZero();
        assertThat(again.getBody().get("triggeredBy").asText()).isEqualTo("demo");
        assertThat(cases.message(old.id())).isEqualTo(before);
        assertThat(cases.message(recent.id())).containsEntry("AUTHOR_NAME", "Пётр Новиков");
    }

    @Test
    @DisplayName("Only administrators may start the anonymisation over the API (403 problem otherwise)")
    void onlyAdministrators() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth("zags-specialist", "demo")
                .postForEntity("/api/retention/run", null, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(403);
    }

    /** What the monthly reports count: messages by organization, month of detection, status, topic and place. */
    private List<Map<String, Object>> monthlyFigures() {
        return jdbc.queryForList("SELECT organization_id, EXTRACT(YEAR FROM detected_at) AS y, "
                + "EXTRACT(MONTH FROM detected_at) AS m, status, importance, departments, topic, location, "
                + "COUNT(*) AS messages, COUNT(answered_at) AS answered FROM message "
                + "GROUP BY organization_id, EXTRACT(YEAR FROM detected_at), EXTRACT(MONTH FROM detected_at), status, "
                + "importance, departments, topic, location "
                + "ORDER BY organization_id, y, m, status, importance, departments, topic, location");
    }

}
