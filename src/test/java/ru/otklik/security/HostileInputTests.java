package ru.otklik.security;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
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
import ru.otklik.organization.Role;
import ru.otklik.support.OtklikSpringTest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input catalogue: malformed and malicious requests to every kind of endpoint — intake JSON and CSV,
 * the VK callback, the public registry, working time, absences, moderation, accounts, the registry of messages and
 * task forms over {@code /engine-rest}. Each is answered with the expected 4xx (never 5xx) and a message that names
 * the field or says what is wrong, and stores nothing: the app's tables and the running cases keep their counts.
 * The intake's field checks are in {@code MessageApiValidationTests} and not repeated here.
 */
@OtklikSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    /** Tuesday 24.11.2026 11:00 in Kuzbass. */
    static final Instant NOW = OffsetDateTime.parse("2026-11-24T11:00:00+07:00").toInstant();
    static final String VK_SECRET = "HostileInputSecret42";
    static final String SQL = "'; DROP TABLE message; --";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String TRAVERSAL = "../../etc/passwd";
    private static final String PROBE = "HostileInputProbe";
    private static final List<String> TABLES = List.of("message", "message_event", "message_violation",
            "staff_absence", "moderation_log", "blacklist_entry", "account", "account_audit", "vk_community",
            "publication", "content_plan_item", "notification");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    AccountRegistry accounts;

    /** Values the cases refer to as {name}, made once. */
    private final Map<String, String> fixture = new HashMap<>();
    private final List<Deployment> deployments = new ArrayList<>();

    // Once per class, but inside a test method: process test coverage records only within a test.
    @BeforeEach
    void fixture() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        if (!fixture.isEmpty()) {
            return;
        }
        long group = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        long zagsAccount = activeVkAccount("zags", group);
        long minzdravAccount = activeVkAccount("minzdrav", group + 1);
        ResponseEntity<String> saved = rest.withBasicAuth("zags-registry", "demo").exchange(
                "/api/integrations/vk/communities/" + group, HttpMethod.PUT,
                new HttpEntity<>(Map.of("confirmation", "c0nfirm", "secret", VK_SECRET)), String.class);
        assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
        for (String org : List.of("zags", "minzdrav")) {
            deployments.add(repository.createDeployment().tenantId(org).name(PROBE)
                    .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                            .startEvent().userTask("Task_Probe").name("Проверка")
                            .camundaCandidateGroups(Role.SPECIALIST.groupId(org)).endEvent().done())
                    .deploy());
            String instance = runtime.createProcessInstanceByKey(PROBE).processDefinitionTenantId(org)
                    .businessKey(org + "-hostile").execute().getId();
            fixture.put(org + "Task", tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        // A real message case of zags, waiting for its routing by the coordinator (MSG-8).
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("org", "zags");
        message.put("network", "VK");
        message.put("externalId", "hostile-" + UUID.randomUUID());
        message.put("text", "Когда работает отдел ЗАГС в праздники?");
        ResponseEntity<String> reported = rest.withBasicAuth("monitoring", "demo").postForEntity("/api/messages",
                message, String.class);
        assertThat(reported.getStatusCode().value()).as(reported.getBody()).isEqualTo(201);
        message.put("org", "minzdrav");
        message.put("externalId", "hostile-" + UUID.randomUUID());
        ResponseEntity<String> foreign = rest.withBasicAuth("monitoring", "demo").postForEntity("/api/messages",
                message, String.class);
        assertThat(foreign.getStatusCode().value()).as(foreign.getBody()).isEqualTo(201);
        fixture.put("minzdravMessage", foreign.getBody().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        fixture.put("minzdravCase", foreign.getBody().replaceAll("(?s).*\"processInstanceId\":\"([^\"]+)\".*", "$1"));
        String classify = tasks.createTaskQuery().taskDefinitionKey("Task_ClassifyMessage").tenantIdIn("zags")
                .orderByTaskCreateTime().desc().list().get(0).getId();
        fixture.put("classifyTask", classify);
        fixture.put("vkGroup", Long.toString(group));
        fixture.put("zagsAccount", Long.toString(zagsAccount));
        fixture.put("minzdravAccount", Long.toString(minzdravAccount));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void cleanUp() {
        deployments.forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    /**
     * One hostile request.
     *
     * @param expect text the answer must contain: the field it names, or the words that say what is wrong
     */
    record Case(String name, String user, HttpMethod method, String path, String contentType, Supplier<byte[]> body,
                int status, String expect) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> catalogue() {
        return Stream.of(
                // ---- intake JSON: POST /api/messages (the field checks are in MessageApiValidationTests) ----
                post("intake: invalid UTF-8 bytes in the JSON", "monitoring", "/api/messages", JSON,
                        invalidUtf8Json(), 400, "\"field\":\"text\""),
                post("intake: JSON nested 100 000 levels deep", "monitoring", "/api/messages", JSON,
                        () -> nested(100_000), 400, "\"field\":\"org\""),
                post("intake: a 10 MB body", "monitoring", "/api/messages", JSON,
                        () -> bigJson(10 * 1024 * 1024), 413, "больше 1 МБ"),
                post("intake: Content-Type application/xml", "monitoring", "/api/messages", "application/xml",
                        text("<message><org>zags</org></message>"), 415, "application/xml"),
                post("intake: a JSON array instead of an object", "monitoring", "/api/messages", JSON,
                        text("[{\"org\":\"zags\"}]"), 400, "\"field\":\"body\""),
                post("intake: an empty body", "monitoring", "/api/messages", JSON, text(""), 400,
                        "\"field\":\"body\""),
                post("intake: externalId is a number", "monitoring", "/api/messages", JSON,
                        text(message("\"externalId\": 12345")), 400, "\"field\":\"externalId\""),
                post("intake: org is SQL", "monitoring", "/api/messages", JSON,
                        text(message("\"org\": \"zags" + SQL + "\"")), 404, "DROP TABLE"),
                post("intake: org is a path traversal", "monitoring", "/api/messages", JSON,
                        text(message("\"org\": \"" + TRAVERSAL + "\"")), 404, "Организация не найдена"),
                post("intake: detectedAt in the year 3000", "monitoring", "/api/messages", JSON,
                        text(message("\"detectedAt\": \"3000-01-01T10:00:00+07:00\"")), 400,
                        "\"field\":\"detectedAt\""),
                post("intake: detectedAt in the year 1900", "monitoring", "/api/messages", JSON,
                        text(message("\"detectedAt\": \"1900-01-01T10:00:00+07:00\"")), 400,
                        "\"field\":\"detectedAt\""),
                post("intake: postedAt in the year 1900", "monitoring", "/api/messages", JSON,
                        text(message("\"postedAt\": \"1900-01-01T10:00:00+07:00\"")), 400,
                        "\"field\":\"postedAt\""),
                post("intake: network is SQL", "monitoring", "/api/messages", JSON,
                        text(message("\"network\": \"VK' OR 1=1\"")), 400, "\"field\":\"network\""),
                post("intake: text with a NUL character", "monitoring", "/api/messages", JSON,
                        text(message("\"text\": \"До\\u0000брый день\"")), 400, "\"field\":\"text\""),
                post("intake: inReplyTo names no case (SQL)", "monitoring", "/api/messages", JSON,
                        text(message("\"inReplyTo\": \"x' OR '1'='1\"")), 400, "\"field\":\"inReplyTo\""),
                post("intake: repeatOf is a path traversal", "monitoring", "/api/messages", JSON,
                        text(message("\"repeatOf\": \"" + TRAVERSAL + "\"")), 400, "не найдено в реестре"),
                // ---- intake CSV: POST /api/messages/import, only the immediate refusals ----
                post("import: Content-Type application/json", "monitoring", "/api/messages/import", JSON,
                        text("{\"file\": \"a.csv\"}"), 415, "application/json"),
                post("import: no file part", "monitoring", "/api/messages/import", MULTIPART,
                        multipart("org", null, "zags".getBytes(StandardCharsets.UTF_8)), 400, "\"field\":\"file\""),
                post("import: a 51 MB file", "monitoring", "/api/messages/import", MULTIPART,
                        multipart("file", "big.csv", new byte[51 * 1024 * 1024]), 413, "\"field\":\"file\""),
                post("import: not UTF-8", "monitoring", "/api/messages/import", MULTIPART,
                        multipart("file", "cp1251.csv", "org,network,text\nzags,VK,\u041f\u0440\u0438\u0432\u0435\u0442\n"
                                .getBytes(java.nio.charset.Charset.forName("windows-1251"))), 400, "UTF-8"),
                post("import: a PNG image instead of CSV", "monitoring", "/api/messages/import", MULTIPART,
                        multipart("file", "photo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0,
                                0, 0, 13, 'I', 'H', 'D', 'R'}), 400, "\"field\":\"file\""),
                // ---- VK Callback API (public) ----
                post("vk: invalid UTF-8 bytes", null, "/api/integrations/vk/callback", JSON, invalidUtf8Json(), 400,
                        "\"field\":\"body\""),
                post("vk: JSON nested 100 000 levels deep", null, "/api/integrations/vk/callback", JSON,
                        () -> nested(100_000), 400, "\"field\":\"body\""),
                post("vk: a 2 MB body", null, "/api/integrations/vk/callback", JSON,
                        () -> bigJson(2 * 1024 * 1024), 413, "\"field\":\"body\""),
                post("vk: negative group_id", null, "/api/integrations/vk/callback", JSON,
                        text("{\"type\":\"wall_reply_new\",\"group_id\":-5,\"secret\":\"x\"}"), 400,
                        "\"field\":\"group_id\""),
                post("vk: SQL in type of a community not connected", null, "/api/integrations/vk/callback", JSON,
                        text("{\"type\":\"" + SQL + "\",\"group_id\":1,\"secret\":\"x\"}"), 404, "не подключено"),
                post("vk: object is a string", null, "/api/integrations/vk/callback", JSON,
                        text("{\"type\":\"wall_reply_new\",\"group_id\":{vkGroup},\"secret\":\"" + VK_SECRET
                                + "\",\"object\":\"" + SCRIPT + "\"}"), 400, "\"field\":\"object"),
                post("vk: comment text is a number", null, "/api/integrations/vk/callback", JSON,
                        text(vkComment("\"text\": 42, \"date\": " + (NOW.getEpochSecond() - 600))), 400,
                        "\"field\":\"object.text\""),
                post("vk: comment dated in the year 3000", null, "/api/integrations/vk/callback", JSON,
                        text(vkComment("\"text\": \"Вопрос\", \"date\": 32503680000")), 400, "postedAt"),
                post("vk: comment dated in the year 1900", null, "/api/integrations/vk/callback", JSON,
                        text(vkComment("\"text\": \"Вопрос\", \"date\": -2208988800")), 400,
                        "\"field\":\"object.date\""),
                // ---- public registry ----
                get("registry: org is a path traversal", null, "/api/registry/accounts?org=..%2F..%2Fetc%2Fpasswd",
                        404, "Организация не найдена"),
                get("registry: org is SQL", null, "/api/registry/accounts?org=zags%27%20OR%20%271%27%3D%271", 404,
                        "Организация не найдена"),
                get("registry: unknown network", null, "/api/registry/accounts?network=MYSPACE", 400,
                        "\"field\":\"network\""),
                get("registry CSV: network is a script", null, "/api/registry/accounts.csv?network=%3Cscript%3E", 400,
                        "\"field\":\"network\""),
                get("registry page: org is a script, shown escaped", null,
                        "/registry?org=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404, "Организация не найдена"),
                get("registry: encoded path traversal in the path", null, "/api/registry/%2e%2e/%2e%2e/etc/passwd",
                        400, "\"field\":\"URL\""),
                // ---- working time (public) ----
                get("working time: duration P1000Y", null,
                        "/api/working-time/after?org=zags&from=2026-11-24T10:00:00%2B07:00&duration=P1000Y", 400,
                        "\"parameter\":\"duration\""),
                get("working time: negative duration", null,
                        "/api/working-time/after?org=zags&from=2026-11-24T10:00:00%2B07:00&duration=-PT5H", 400,
                        "\"parameter\":\"duration\""),
                get("working time: duration of 10^18 hours", null,
                        "/api/working-time/before?org=zags&from=2026-11-24T10:00:00%2B07:00&duration=PT999999999999999999H",
                        400, "\"parameter\":\"duration\""),
                get("working time: from in the year 1900", null,
                        "/api/working-time/after?org=zags&from=1900-01-01T10:00:00%2B07:00&duration=PT1H", 400,
                        "\"parameter\":\"from\""),
                get("working time: from in the year 3000", null,
                        "/api/working-time/after?org=zags&from=3000-01-01T10:00:00%2B07:00&duration=PT1H", 400,
                        "\"parameter\":\"from\""),
                get("working time: days beyond int", null,
                        "/api/working-time/working-days-after?org=zags&from=2026-11-24T10:00:00%2B07:00&days=2147483648",
                        400, "\"parameter\":\"days\""),
                get("working time: negative days", null,
                        "/api/working-time/calendar-days-after?org=zags&from=2026-11-24T10:00:00%2B07:00&days=-1", 400,
                        "\"parameter\":\"days\""),
                get("working time: year 99999", null, "/api/working-time/calendar?org=zags&year=99999", 400,
                        "\"parameter\":\"year\""),
                get("working time: to is a script", null,
                        "/api/working-time/between?org=zags&from=2026-11-24T10:00:00%2B07:00&to=%3Cscript%3E", 400,
                        "\"parameter\":\"to\""),
                get("working time: org is a path traversal", null,
                        "/api/working-time/after?org=..%2F..%2Fetc%2Fpasswd&from=2026-11-24T10:00:00%2B07:00&duration=PT1H",
                        404, "\"parameter\":\"org\""),
                // ---- absences ----
                post("absences: from in the year 1900", "zags-coordinator", "/api/absences", JSON,
                        text(absence("1900-01-01", "1900-01-10", "LEAVE")), 400, "\"field\":\"from\""),
                post("absences: to in the year 3000", "zags-coordinator", "/api/absences", JSON,
                        text(absence("2026-12-01", "3000-12-31", "LEAVE")), 400, "\"field\":\"to\""),
                post("absences: unknown reason", "zags-coordinator", "/api/absences", JSON,
                        text(absence("2026-12-01", "2026-12-02", "VACATION")), 400, "\"field\":\"reason\""),
                post("absences: from is not a date", "zags-coordinator", "/api/absences", JSON,
                        text(absence("завтра", "2026-12-02", "LEAVE")), 400, "\"field\":\"from\""),
                post("absences: userId is SQL", "zags-coordinator", "/api/absences", JSON,
                        text("{\"org\":\"zags\",\"userId\":\"" + SQL + "\",\"from\":\"2026-12-01\",\"to\":\"2026-12-02\","
                                + "\"reason\":\"LEAVE\"}"), 400, "\"field\":\"userId\""),
                post("absences: another organization's register", "zags-coordinator", "/api/absences", JSON,
                        text(absence("2026-12-01", "2026-12-02", "LEAVE").replace("\"zags\"", "\"minzdrav\"")
                                .replace("zags-specialist", "minzdrav-specialist")), 403, "minzdrav"),
                get("absences: reading another organization's register", "zags-coordinator",
                        "/api/absences?org=minzdrav", 403, "minzdrav"),
                new Case("absences: deleting an absence that does not exist", "zags-coordinator", HttpMethod.DELETE,
                        "/api/absences/999999999999", null, null, 404, "999999999999"),
                // ---- moderation ----
                post("moderation: accountId is text", "zags-accounts", "/api/moderation", JSON,
                        text("{\"accountId\":\"abc\",\"commentUrl\":\"https://vk.com/wall-1_2\",\"authorId\":\"id1\"}"),
                        400, "\"field\":\"accountId\""),
                post("moderation: unknown reason", "zags-accounts", "/api/moderation", JSON,
                        text(moderation("{zagsAccount}", "https://vk.com/wall-1_2?reply=3", "\"reason\":\"HATE\"")), 400,
                        "\"field\":\"reason\""),
                post("moderation: unknown action", "zags-accounts", "/api/moderation", JSON,
                        text(moderation("{zagsAccount}", "https://vk.com/wall-1_2?reply=3", "\"actions\":[\"EXPLODE\"]")),
                        400, "\"field\":\"actions\""),
                post("moderation: javascript: link", "zags-accounts", "/api/moderation", JSON,
                        text(moderation("{zagsAccount}", "javascript:alert(1)", "\"reason\":\"SPAM\"")), 400,
                        "\"field\":\"commentUrl\""),
                post("moderation: another organization's account", "zags-accounts", "/api/moderation", JSON,
                        text(moderation("{minzdravAccount}", "https://vk.com/wall-1_2?reply=3", "\"reason\":\"SPAM\"")),
                        404, "{minzdravAccount}"),
                get("moderation log: from is not a date", "zags-accounts", "/api/moderation?org=zags&from=yesterday",
                        400, "\"field\":\"from\""),
                // ---- accounts ----
                get("accounts: unknown status", "zags-registry", "/api/accounts?status=HACKED", 400,
                        "\"field\":\"status\""),
                get("accounts: unknown network", "zags-registry", "/api/accounts?network=MYSPACE", 400,
                        "\"field\":\"network\""),
                get("accounts: another organization's account", "zags-registry", "/api/accounts/{minzdravAccount}",
                        404, "{minzdravAccount}"),
                get("accounts: another organization's list", "zags-auditor", "/api/accounts?org=minzdrav", 403,
                        "minzdrav"),
                get("accounts: id is a double-encoded path traversal", "zags-registry",
                        "/api/accounts/..%252F..%252Fetc%252Fpasswd", 400, "\"field\":\"URL\""),
                post("accounts: a new account in an unknown network", "zags-registry", "/api/accounts", JSON,
                        text("{\"org\":\"zags\",\"network\":\"MYSPACE\",\"url\":\"https://vk.com/x\"}"), 400,
                        "\"field\":\"network\""),
                // ---- registry of messages ----
                get("messages: negative page size", "zags-coordinator", "/api/messages?size=-1", 400,
                        "\"field\":\"size\""),
                get("messages: page size of a million", "zags-coordinator", "/api/messages?size=1000000", 400,
                        "\"field\":\"size\""),
                get("messages: page beyond int", "zags-coordinator", "/api/messages?page=99999999999", 400,
                        "\"field\":\"page\""),
                get("messages: unknown status", "zags-coordinator", "/api/messages?status=DELETED_ALL", 400,
                        "\"field\":\"status\""),
                get("messages: from is an impossible date", "zags-coordinator",
                        "/api/messages?from=3000-13-45", 400, "\"field\":\"from\""),
                get("messages: another organization's message", "zags-coordinator", "/api/messages/{minzdravMessage}",
                        404, "\"status\":404"),
                // ---- task forms and tenants over /engine-rest ----
                get("engine-rest: another organization's case", "zags-coordinator",
                        "/engine-rest/process-instance/{minzdravCase}/variables", 403, "no authenticated tenant"),
                post("engine-rest: submit the form of a task that does not exist", "zags-specialist",
                        "/engine-rest/task/no-such-task/submit-form", JSON, text("{\"variables\":{}}"), 404,
                        "no-such-task"),
                post("engine-rest: a variable of the wrong type", "zags-specialist",
                        "/engine-rest/task/{zagsTask}/submit-form", JSON,
                        text("{\"variables\":{\"count\":{\"value\":\"abc\",\"type\":\"Integer\"}}}"), 400, "Integer"),
                post("engine-rest: another organization's task", "zags-specialist",
                        "/engine-rest/task/{minzdravTask}/submit-form", JSON, text("{\"variables\":{}}"), 403,
                        "tenant"),
                post("engine-rest: a body that is not JSON", "zags-specialist",
                        "/engine-rest/task/{zagsTask}/submit-form", JSON, text("{\"variables\": {"), 400, "end-of-input"),
                post("engine-rest: routing to a department that does not exist", "zags-coordinator",
                        "/engine-rest/task/{classifyTask}/submit-form", JSON,
                        text("{\"variables\":{\"importance\":{\"value\":\"REGULAR\"},\"department\":{\"value\":\""
                                + TRAVERSAL + "\"}}}"), 400, "Cannot submit task form"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    @DisplayName("hostile input is refused with a 4xx naming the problem, and nothing is stored")
    void refused(Case c) {
        Map<String, Long> before = counts();

        ResponseEntity<String> response = send(c);

        String body = response.getBody() == null ? "" : response.getBody();
        assertThat(response.getStatusCode().value()).as(c.name() + ": " + body).isEqualTo(c.status());
        assertThat(response.getStatusCode().is4xxClientError()).isTrue();
        assertThat(body).as(c.name()).contains(resolve(c.expect()));
        if (c.path().startsWith("/api/")) {
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as(c.name() + ": " + response.getHeaders().getContentType()).isTrue();
        }
        assertThat(body).as("no stack trace or SQL error leaks").doesNotContain("Exception:", "at org.", "SQLState");
        assertThat(counts()).as(c.name() + ": nothing stored").isEqualTo(before);
    }

    @Test
    @DisplayName("the catalogue has at least 50 cases over every kind of endpoint")
    void catalogueSize() {
        List<Case> cases = catalogue().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        assertThat(cases.stream().map(c -> c.path().replaceAll("^/(engine-rest|api/[a-z-]+|[a-z]+).*", "$1"))
                .distinct()).contains("api/messages", "api/integrations", "api/registry", "registry",
                "api/working-time", "api/absences", "api/moderation", "api/accounts", "engine-rest");
    }

    @Test
    @DisplayName("a script and SQL in a message's text are kept verbatim as JSON data; the registry table stays")
    void scriptAndSqlAsText() {
        String text = "Вопрос " + SCRIPT + " и " + SQL;
        ResponseEntity<String> created = rest.withBasicAuth("monitoring", "demo").exchange("/api/messages",
                HttpMethod.POST, new HttpEntity<>(message("\"text\": \"" + text.replace("\"", "\\\"") + "\"")
                        .getBytes(StandardCharsets.UTF_8), jsonHeaders()), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        long id = Long.parseLong(created.getBody().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        ResponseEntity<com.fasterxml.jackson.databind.JsonNode> read = rest.withBasicAuth("zags-coordinator", "demo")
                .getForEntity("/api/messages/" + id, com.fasterxml.jackson.databind.JsonNode.class);

        assertThat(read.getBody().path("text").asText()).isEqualTo(text);
        assertThat(read.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(read.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(jdbc.queryForObject("SELECT text FROM message WHERE id = ?", String.class, id)).isEqualTo(text);
    }

    @Test
    @DisplayName("a script in an account's name is shown escaped on the public registry page")
    void scriptEscapedOnRegistry() {
        long group = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        accounts.insertImported(new AccountRegistry.NewAccount("nkr", Network.VK,
                        NetworkDomains.parse(Network.VK, "https://vk.com/club" + group, "url"), SCRIPT + group,
                        "club" + group, "Аккаунт органа", "nkr-registry"),
                new AccountRegistry.ExistingDetails(LocalDate.of(2020, 1, 15), true, true, true, true,
                        LocalDate.of(2026, 10, 1), List.of("nkr-accounts")), "test");

        String page = rest.getForObject("/registry?org=nkr", String.class);

        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;" + group).doesNotContain(SCRIPT);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    // ---- running a case ----

    private ResponseEntity<String> send(Case c) {
        HttpHeaders headers = new HttpHeaders();
        if (c.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, c.contentType());
        }
        byte[] body = c.body() == null ? null : resolve(c.body().get());
        TestRestTemplate client = c.user() == null ? rest : rest.withBasicAuth(c.user(), "demo");
        return client.exchange(java.net.URI.create(client.getRootUri() + resolve(c.path())), c.method(),
                new HttpEntity<>(body, headers), String.class);
    }

    private String resolve(String text) {
        String result = text;
        for (Map.Entry<String, String> e : fixture.entrySet()) {
            result = result.replace("{" + e.getKey() + "}", e.getValue());
        }
        return result;
    }

    private byte[] resolve(byte[] body) {
        if (body.length > 100_000 || !new String(body, StandardCharsets.ISO_8859_1).contains("{")) {
            return body;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String resolved = resolve(text);
        return resolved.equals(text) ? body : resolved.getBytes(StandardCharsets.ISO_8859_1);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        counts.put("cases", runtime.createProcessInstanceQuery().count());
        counts.put("tasks", tasks.createTaskQuery().count());
        return counts;
    }

    private long activeVkAccount(String org, long group) {
        return accounts.insertImported(new AccountRegistry.NewAccount(org, Network.VK,
                        NetworkDomains.parse(Network.VK, "https://vk.com/club" + group, "url"), "Сообщество " + group,
                        "club" + group, "Аккаунт органа", org + "-registry"),
                new AccountRegistry.ExistingDetails(LocalDate.of(2020, 1, 15), true, true, true, true,
                        LocalDate.of(2026, 10, 1), List.of(org + "-accounts")),
                "test");
    }

    // ---- building cases ----

    static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    static final String MULTIPART = "multipart/form-data; boundary=HostileBoundary";

    static Case post(String name, String user, String path, String contentType, Supplier<byte[]> body, int status,
                     String expect) {
        return new Case(name, user, HttpMethod.POST, path, contentType, body, status, expect);
    }

    static Case get(String name, String user, String path, int status, String expect) {
        return new Case(name, user, HttpMethod.GET, path, null, null, status, expect);
    }

    static Supplier<byte[]> text(String text) {
        return () -> text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid intake body with one property added or replaced (the last one wins in Jackson). */
    static String message(String property) {
        return "{\"org\":\"zags\",\"network\":\"VK\",\"externalId\":\"hostile-" + UUID.randomUUID()
                + "\",\"text\":\"Вопрос о регистрации брака\"," + property + "}";
    }

    static String absence(String from, String to, String reason) {
        return "{\"org\":\"zags\",\"userId\":\"zags-specialist\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"reason\":\"" + reason + "\"}";
    }

    static String moderation(String account, String url, String extra) {
        return "{\"accountId\":" + account + ",\"commentUrl\":\"" + url + "\",\"authorId\":\"id77\","
                + "\"actions\":[\"DELETED\"]," + extra + "}";
    }

    static String vkComment(String fields) {
        return "{\"type\":\"wall_reply_new\",\"group_id\":{vkGroup},\"secret\":\"" + VK_SECRET + "\",\"event_id\":\"h"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"object\":{\"id\":9001,\"from_id\":77,"
                + "\"post_id\":11,\"owner_id\":-{vkGroup}," + fields + "}}";
    }

    static Supplier<byte[]> invalidUtf8Json() {
        return () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("{\"org\":\"zags\",\"network\":\"VK\",\"externalId\":\"x1\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
            out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        };
    }

    static byte[] nested(int depth) {
        return ("{\"org\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bigJson(int size) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"org\":\"zags\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    static Supplier<byte[]> multipart(String part, String fileName, byte[] content) {
        return () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String disposition = "Content-Disposition: form-data; name=\"" + part + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/csv");
            out.writeBytes(("--HostileBoundary\r\n" + disposition + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n--HostileBoundary--\r\n".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        };
    }
}
