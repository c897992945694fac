package ru.otklik.integration.vk;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.account.AccountRegistry;
import ru.otklik.message.MessageEntry;
import ru.otklik.message.MessageRegistry;
import ru.otklik.message.MessageStatus;
import ru.otklik.message.NewMessage;
import ru.otklik.organization.Network;
import ru.otklik.support.OtklikSpringTest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.otklik.message.MessageResponseProcess.*;

/**
 * Posting approved answers through the VK API (MSG-16) against a local fake VK API (WireMock): the case is
 * started at the posting step, its asynchronous job run as the job executor would.
 */
@OtklikSpringTest
class VkAnswerPostingTests {

    static final String ORG = "zags";
    /** Tuesday 24.11.2026 11:00 in Kuzbass; the posting is due 15 working minutes later, 11:15. */
    static final Instant NOW = OffsetDateTime.parse("2026-11-24T11:00:00+07:00").toInstant();
    static final String ANSWER = "Иван, здравствуйте! ЗАГС откроется после ремонта 1 декабря.";
    static final String INCIDENT_TYPE = "answerNotPublished";
    private static final AtomicLong items = new AtomicLong(700);

    static WireMockServer vk;

    @Autowired
    VkApi api;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRegistry accounts;
    @Autowired
    MessageRegistry registry;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;

    private long groupId;
    private String token;
    /** The registry entry of the test's case. */
    private long messageId;

    @BeforeAll
    static void fakeVk() {
        vk = new WireMockServer(options().dynamicPort());
        vk.start();
        // the first request to a fresh server is slow: not in a test's read timeout
        vk.stubFor(post(urlEqualTo("/warm-up")).willReturn(okJson("{}")));
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(vk.baseUrl() + "/warm-up")).POST(java.net.http.HttpRequest.BodyPublishers
                            .ofString("{}")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopFakeVk() {
        vk.stop();
    }

    @BeforeEach
    void connectedCommunity() {
        init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        api.use(vk.baseUrl() + "/method", Duration.ofSeconds(2));
        groupId = VkCallbackTests.activeVkAccount(ORG, accounts);
        token = "vk1.a.test-" + groupId;
        ResponseEntity<JsonNode> saved = putToken("zags-registry", token);
        assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
    }

    @AfterEach
    void restore() {
        api.reset();
        vk.resetAll();
        ClockUtil.reset();
        identity.clearAuthentication();
        reset();
    }

    @Test
    @DisplayName("MSG-16: the approved answer is posted as a reply to the citizen's comment; link and time recorded")
    void reply() {
        stub(post(method("wall.createComment")), okJson("{\"response\": {\"comment_id\": 9001, \"parents_stack\": [789]}}"));
        ProcessInstance instance = approved("wall-" + groupId + "_456_789");

        management.executeJob(publishJob(instance).getId());

        String link = "https://vk.com/wall-" + groupId + "_456?reply=9001&thread=789";
        assertThat(instance).isEnded().hasPassed(TASK_PUBLISH, END_PUBLISHED_VIA_API, END_ANSWER_POSTED)
                .hasNotPassed(TASK_POST);
        assertAnswered(link, NOW);
        vk.verify(1, calls(method("wall.createComment"))
                .withRequestBody(containing("owner_id=-" + groupId))
                .withRequestBody(containing("post_id=456"))
                .withRequestBody(containing("reply_to_comment=789"))
                .withRequestBody(containing("from_group=" + groupId))
                .withRequestBody(containing("guid=otklik-"))
                .withRequestBody(containing("v=5.199"))
                .withRequestBody(containing("message=" + java.net.URLEncoder.encode(ANSWER,
                        java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(allCalls()).isEqualTo(1);
    }

    @Test
    @DisplayName("MSG-16: a private message is answered with messages.send, its random_id fixed per posting")
    void privateMessage() {
        stub(post(method("messages.send")), okJson("{\"response\": 5120}"));
        ProcessInstance instance = approved("msg-" + groupId + "_1234_77");

        management.executeJob(publishJob(instance).getId());

        assertAnswered("https://vk.com/gim" + groupId + "?sel=1234&msgid=5120", NOW);
        long postingId = jdbc.queryForObject("SELECT id FROM vk_posting WHERE message_id = ?", Long.class,
                messageId);
        vk.verify(1, calls(method("messages.send"))
                .withRequestBody(containing("peer_id=1234"))
                .withRequestBody(containing("random_id=" + postingId + "&")));
    }

    @Test
    @DisplayName("MSG-16: flood control is retried 30 s later and then the answer is posted once")
    void floodControlThenSuccess() {
        vk.stubFor(post(method("wall.createComment")).inScenario("flood").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"error\": {\"error_code\": 9, \"error_msg\": \"Flood control\"}}"))
                .willSetStateTo("calm"));
        vk.stubFor(post(method("wall.createComment")).inScenario("flood").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"response\": {\"comment_id\": 9002}}")));
        ProcessInstance instance = approved("wall-" + groupId + "_456_790");
        Job job = publishJob(instance);

        // When the first attempt meets flood control
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("ошибка 9");

        // Then the job waits 30 s to be retried, with the rest of the retry cycle left
        Job retry = publishJob(instance);
        assertThat(retry.getRetries()).isEqualTo(3);
        assertThat(retry.getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(30)));
        assertThat(retry.getExceptionMessage()).contains("Flood control");
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();

        // When it is retried, the answer is posted; nothing was there to look for, VK had refused
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(31)));
        management.executeJob(retry.getId());

        assertAnswered("https://vk.com/wall-" + groupId + "_456?reply=9002&thread=790", NOW.plusSeconds(31));
        vk.verify(2, calls(method("wall.createComment")));
        vk.verify(0, calls(method("wall.getComments")));
    }

    @Test
    @DisplayName("MSG-16: an invalid token is not retried: an incident in Cockpit, the specialist posts by hand and it is resolved")
    void invalidToken() {
        stub(post(method("wall.createComment")), okJson("{\"error\": {\"error_code\": 5, \"error_msg\": "
                + "\"User authorization failed: invalid access_token (4).\"}}"));
        ProcessInstance instance = approved("wall-" + groupId + "_456_791");

        management.executeJob(publishJob(instance).getId());

        // Then no retry: the specialist has the task, and Cockpit shows why on it
        assertThat(publishJob(instance)).isNull();
        assertThat(instance).isWaitingAt(TASK_POST).hasPassed(BOUNDARY_PUBLISH_FAILED);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_POST)
                .singleResult();
        assertThat(task.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(15))));
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(INCIDENT_TYPE);
        assertThat(incident.getActivityId()).isEqualTo(TASK_POST);
        assertThat(incident.getIncidentMessage())
                .contains("отказал в доступе к сообществу " + groupId, "ошибка 5", "ключ доступа недействителен",
                        "/api/integrations/vk/communities/" + groupId + "/token", "Разместите ответ вручную")
                .doesNotContain(token);
        assertThat(tasks.getVariable(task.getId(), "publishFailure")).isEqualTo(incident.getIncidentMessage());
        vk.verify(1, calls(method("wall.createComment")));

        // When the specialist posts by hand, the incident is resolved and the case goes on
        String manual = "https://vk.com/wall-" + groupId + "_456?reply=9100&thread=791";
        postByHand(instance, manual, "2026-11-24T11:10:00+07:00");

        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        HistoricIncident resolved = history.createHistoricIncidentQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(resolved.isResolved()).isTrue();
        assertThat(instance).isEnded().hasPassed(TASK_POST, END_POSTED_MANUALLY, END_ANSWER_POSTED);
        assertAnswered(manual, OffsetDateTime.parse("2026-11-24T11:10:00+07:00").toInstant());
    }

    @Test
    @DisplayName("MSG-16: a timeout after VK posted the reply: the retry finds it in the thread and never posts twice")
    void timeoutAfterPosting() {
        vk.stubFor(post(method("wall.createComment"))
                .willReturn(okJson("{\"response\": {\"comment_id\": 9003}}").withFixedDelay(4_000)));
        ProcessInstance instance = approved("wall-" + groupId + "_456_792");
        stub(post(method("wall.getComments")), okJson("{\"response\": {\"count\": 2, \"items\": ["
                + "{\"id\": 9003, \"from_id\": -" + groupId + ", \"text\": \"" + ANSWER + "\"},"
                + "{\"id\": 792, \"from_id\": 1234, \"text\": \"Когда откроют ЗАГС?\"}]}}"));
        Job job = publishJob(instance);

        // When the first call times out (VK posts the comment all the same)
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("не ответил");
        assertThat(jdbc.queryForObject("SELECT status FROM vk_posting WHERE message_id = ?", String.class,
                messageId)).isEqualTo("SENDING");

        // When the job is retried
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(31)));
        management.executeJob(publishJob(instance).getId());

        // Then it read the thread back, recorded the comment found there and did not post again
        assertAnswered("https://vk.com/wall-" + groupId + "_456?reply=9003&thread=792", NOW.plusSeconds(31));
        vk.verify(1, calls(method("wall.createComment")));
        vk.verify(1, calls(method("wall.getComments"))
                .withRequestBody(containing("comment_id=792")).withRequestBody(containing("owner_id=-" + groupId)));
        assertThat(jdbc.queryForMap("SELECT status, attempts, item_id FROM vk_posting WHERE message_id = ?",
                messageId)).containsEntry("STATUS", "POSTED").containsEntry("ATTEMPTS", 2)
                .containsEntry("ITEM_ID", 9003L);
    }

    @Test
    @DisplayName("MSG-16: when the retries run out the answer goes to the specialist with an incident")
    void retriesRunOut() {
        stub(post(method("wall.createComment")), okJson("{\"error\": {\"error_code\": 6, \"error_msg\": "
                + "\"Too many requests per second\"}}"));
        ProcessInstance instance = approved("wall-" + groupId + "_456_793");

        // Four attempts (the first and the retries after PT30S, PT1M, PT2M): the last hands over
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = publishJob(instance);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("ошибка 6");
        }
        management.executeJob(publishJob(instance).getId());

        assertThat(publishJob(instance)).isNull();
        assertThat(instance).isWaitingAt(TASK_POST);
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(INCIDENT_TYPE);
        assertThat(incident.getIncidentMessage()).startsWith("Попытки размещения через API исчерпаны.")
                .contains("ошибка 6", "Разместите ответ вручную");
        vk.verify(4, calls(method("wall.createComment")));

        postByHand(instance, "https://vk.com/wall-" + groupId + "_456?reply=9200&thread=793", "2026-11-24T11:12:00+07:00");
        assertThat(instance).isEnded();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    @DisplayName("MSG-16: without a token the specialist posts by hand; the token is write-only and stored encrypted")
    void tokenSettings() {
        String stored = jdbc.queryForObject("SELECT token_cipher FROM vk_api_token WHERE group_id = ?", String.class,
                groupId);
        assertThat(stored).startsWith("v1:").doesNotContain(token);
        assertThat(putToken("zags-registry", token).getBody().toString()).doesNotContain(token)
                .contains("\"tokenSet\":true");
        assertThat(putToken("zags-specialist", token).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(putToken("minsoc-registry", token).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> blank = putToken("zags-registry", " ");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().toString()).contains("accessToken");

        ResponseEntity<JsonNode> removed = rest.withBasicAuth("zags-registry", "demo").exchange(tokenPath(),
                HttpMethod.DELETE, null, JsonNode.class);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(removed.getBody().path("tokenSet").asBoolean()).isFalse();

        ProcessInstance instance = approved("wall-" + groupId + "_456_794");
        assertThat(instance).isWaitingAt(TASK_POST).hasNotPassed(TASK_PUBLISH);
        assertThat(publishJob(instance)).isNull();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(allCalls()).isZero();
    }

    // ---- helpers ----

    private ResponseEntity<JsonNode> putToken(String user, String value) {
        return rest.withBasicAuth(user, "demo").exchange(tokenPath(), HttpMethod.PUT,
                new HttpEntity<>(Map.of("accessToken", value)), JsonNode.class);
    }

    private String tokenPath() {
        return "/api/integrations/vk/communities/" + groupId + "/token";
    }

    /** The calls of this test's community (each test has its own token). */
    private com.github.tomakehurst.wiremock.matching.RequestPatternBuilder calls(
            com.github.tomakehurst.wiremock.matching.UrlPattern url) {
        return postRequestedFor(url).withRequestBody(containing("access_token=" + token + "&"));
    }

    private int allCalls() {
        return vk.findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .withRequestBody(containing("access_token=" + token + "&"))).size();
    }

    private static com.github.tomakehurst.wiremock.matching.UrlPattern method(String name) {
        return urlEqualTo("/method/" + name);
    }

    private static void stub(MappingBuilder request, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        vk.stubFor(request.willReturn(response));
    }

    /** A message of the community registered at 10:30 whose answer the coordinator approved at 11:00. */
    private ProcessInstance approved(String externalId) {
        NewMessage message = new NewMessage(ORG, Network.VK, externalId, "https://vk.com/" + externalId
                + "?n=" + items.incrementAndGet(), null, "id1234", "Когда откроют ЗАГС после ремонта?", null,
                NOW.minus(Duration.ofMinutes(30)), null, null);
        MessageEntry entry = registry.register(message, "vk-callback").entry();
        messageId = entry.id();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_MESSAGE_ID, entry.id());
        variables.put(VAR_ORGANIZATION, ORG);
        variables.put(VAR_BUSINESS_KEY, entry.businessKey());
        variables.put(VAR_DETECTED_AT, Date.from(entry.detectedAt()));
        variables.put(VAR_TEXT, entry.text());
        variables.put(VAR_IMPORTANCE, "REGULAR");
        variables.put(VAR_DEPARTMENT, "oto");
        variables.put(VAR_EXECUTOR, "zags-executor-oto");
        variables.put(VAR_ANSWER_DUE, Date.from(NOW.plus(Duration.ofHours(6))));
        variables.put(VAR_ANSWER_KIND, "FINAL");
        variables.put(VAR_ANSWER_TEXT, ANSWER);
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .processDefinitionWithoutTenantId()
                .businessKey(entry.businessKey())
                .setVariables(variables)
                .startBeforeActivity(SUBPROCESS_POSTING)
                .execute();
        registry.linkProcess(entry.id(), instance.getId(), null);
        return instance;
    }

    private Job publishJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(TASK_PUBLISH).singleResult();
    }

    /** The specialist posts by hand and records the link and time a minute later. */
    private void postByHand(ProcessInstance instance, String url, String postedAt) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(postedAt).plusMinutes(1).toInstant()));
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_POST)
                .singleResult();
        List<String> groups = identity.createGroupQuery().groupMember("zags-specialist").list().stream()
                .map(Group::getId).toList();
        identity.setAuthentication("zags-specialist", groups, List.of(ORG));
        try {
            tasks.claim(task.getId(), "zags-specialist");
            tasks.complete(task.getId(), Map.of(VAR_ANSWER_URL, url, VAR_ANSWER_POSTED_AT, postedAt));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** MSG-16: the registry has the answer's link and time; the case's posting deadline was 15 working minutes. */
    private void assertAnswered(String url, Instant at) {
        long id = messageId;
        Map<String, Object> row = jdbc.queryForMap("SELECT status, answer_url, answered_at FROM message WHERE id = ?", id);
        assertThat(row.get("STATUS")).isEqualTo(MessageStatus.ANSWERED.name());
        assertThat(row.get("ANSWER_URL")).isEqualTo(url);
        assertThat(((OffsetDateTime) row.get("ANSWERED_AT")).toInstant()).isEqualTo(at);
        assertThat(registry.find(id).orElseThrow().deadlines()).containsEntry("posting",
                NOW.plus(Duration.ofMinutes(15)));
    }
}
