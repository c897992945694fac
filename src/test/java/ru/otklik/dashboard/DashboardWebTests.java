package ru.otklik.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import ru.otklik.message.MessageEntry;
import ru.otklik.message.MessageProcess;
import ru.otklik.message.MessageRegistry;
import ru.otklik.message.NewMessage;
import ru.otklik.organization.Network;
import ru.otklik.support.OtklikSpringTest;
import ru.otklik.web.StaffPages;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over HTTP: login, who sees which organization, the page (charts, escaping, refresh script) and
 * the JSON. The demo users log in with their password «demo».
 */
@OtklikSpringTest
@DisplayName("Dashboard page and API")
class DashboardWebTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MessageRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MessageProcess process;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    DashboardFixture.Messages messages;

    @BeforeEach
    void data() {
        DashboardFixture.clockAtNow();
        messages = new DashboardFixture(registry, jdbc).create();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("Without a login the page, its refresh and the JSON answer 401")
    void loginRequired() {
        for (String path : List.of("/dashboard", "/dashboard/content", "/api/dashboard?org=zags")) {
            ResponseEntity<String> response = rest.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
        }
    }

    @Test
    @DisplayName("MSG-3: the coordinator, the substitute and the head see their organization; others 403")
    void ownOrganizationOnly() {
        for (String user : List.of("zags-coordinator", "zags-substitute", "zags-head")) {
            assertThat(get(user, "/api/dashboard?org=zags").getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
        // another organization, and staff who supervise nothing
        assertThat(get("zags-coordinator", "/api/dashboard?org=minzdrav").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("kuzbass-gov-coordinator", "/api/dashboard?org=zags").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        for (String user : List.of("zags-executor-oto", "zags-specialist", "zags-head-yur", "zags-registry")) {
            assertThat(get(user, "/api/dashboard").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<String> page = get("zags-coordinator", "/dashboard?org=minzdrav");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("Сводка доступна координатору");
        assertThat(get("zags-executor-oto", "/dashboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("zags-coordinator", "/dashboard/content?org=minzdrav").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("kuzbass-gov-registry", "/api/dashboard?org=nowhere").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("kuzbass-gov-registry", "/dashboard?org=nowhere").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // the coordinator's own dashboard holds nothing of minzdrav
        String zags = get("zags-coordinator", "/api/dashboard").getBody();
        assertThat(zags).contains(messages.b()).doesNotContain(messages.m());
    }

    @Test
    @DisplayName("ACC-13: the media directorate sees every organization and chooses one")
    void mediaDirectorateSeesAll() throws Exception {
        JsonNode all = json.readTree(get("kuzbass-gov-registry", "/api/dashboard").getBody());
        assertThat(all.path("organization").isNull()).isTrue();
        assertThat(ids(all.path("organizations"))).containsExactly("kuzbass-gov", "minsoc", "minzdrav", "nkr", "zags");
        assertThat(keys(all.path("overdue"))).contains(messages.m(), messages.b());

        JsonNode minzdrav = json.readTree(get("kuzbass-gov-registry", "/api/dashboard?org=minzdrav").getBody());
        assertThat(minzdrav.path("organization").asText()).isEqualTo("minzdrav");
        assertThat(keys(minzdrav.path("overdue"))).contains(messages.m()).doesNotContain(messages.b());

        ResponseEntity<String> page = get("kuzbass-gov-registry", "/dashboard");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<select id=\"org-select\" name=\"org\">", "Все организации",
                "Минздрав Кузбасса", messages.m(), messages.b());
        assertThat(get("zags-coordinator", "/dashboard").getBody()).doesNotContain("org-select", messages.m());
    }

    @Test
    @DisplayName("Citizen text is escaped on the page and in its refresh; the page runs no inline script")
    void citizenTextEscaped() {
        for (String path : List.of("/dashboard?org=zags", "/dashboard/content?org=zags")) {
            ResponseEntity<String> page = get("zags-coordinator", path);
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).as(path)
                    .contains(messages.a(), "&lt;script&gt;alert(&#39;otklik&#39;)&lt;/script&gt;",
                            "&lt;img src=x onerror=alert(1)&gt;")
                    .doesNotContain("<script>alert", "<img");
            assertThat(page.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(StaffPages.CONTENT_SECURITY_POLICY);
            assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
        }
        String page = get("zags-coordinator", "/dashboard?org=zags").getBody();
        // the only script is the same-origin file; no inline script or handler attribute
        assertThat(page.split("<script", -1)).hasSize(2);
        assertThat(page).contains("<script src=\"/dashboard/dashboard.js\" defer></script>")
                .doesNotContainPattern("\\son[a-z]+=\"");
    }

    @Test
    @DisplayName("The page: charts first as inline SVG, the figures one click away, links to Tasklist and Cockpit, "
            + "refreshing by itself")
    void page() {
        MessageEntry started = process.start(registry.register(new NewMessage("zags", Network.VK,
                "dashboard-case-" + UUID.randomUUID(), null, "Автор", null, "Сообщение с запущенным делом", null,
                DashboardFixture.at("2025-02-12T14:55"), null, null), "test").entry());
        Task classify = tasks.createTaskQuery().processInstanceId(started.processInstanceId()).singleResult();
        ResponseEntity<String> response;
        try {
            response = get("zags-head", "/dashboard");
        } finally {
            runtime.deleteProcessInstance(started.processInstanceId(), "dashboard test done");
        }
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String page = response.getBody();
        assertThat(page).contains("<title>Сводка — Управление ЗАГС Кузбасса</title>", ">12.02.2025 15:00</time>",
                "Открытые сообщения по этапам", "Загрузка отделов", "Поступило сегодня",
                "data-content-url=\"/dashboard/content?org=zags\"", "data-refresh-seconds=\"60\"",
                "<noscript><meta http-equiv=\"refresh\" content=\"60\"></noscript>", messages.b(), messages.c(),
                "просрочено на 30 мин", "рабочего: 3 ч 30 мин", started.businessKey(),
                "/camunda/app/cockpit/default/#/process-instance/" + started.processInstanceId() + "/runtime",
                "/camunda/app/tasklist/default/#/?task=" + classify.getId(), "не взята в работу");
        assertThat(page.indexOf("<svg")).isPositive().isLessThan(page.indexOf("id=\"overdue\""));
        assertThat(page.indexOf("Открытые сообщения по этапам")).isLessThan(page.indexOf("<details id=\"table-steps\">"));
        assertThat(countOf(page, "<svg")).isEqualTo(3);
        assertThat(get("zags-head", "/dashboard/dashboard.js").getBody()).contains("DOMParser", "setInterval");
        assertThat(get("zags-head", "/dashboard/content").getBody()).startsWith("<section id=\"dashboard-content\"")
                .doesNotContain("<html");
    }

    @Test
    @DisplayName("The JSON: totals, steps, departments, intake, lists with both deadlines, shortfalls")
    void jsonShape() throws Exception {
        ResponseEntity<String> response = get("zags-coordinator", "/api/dashboard?org=zags");
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode d = json.readTree(response.getBody());
        assertThat(fields(d)).containsExactly("organization", "organizations", "generatedAt", "totals", "openBySteps",
                "departmentLoad", "intakeToday", "overdue", "open", "quotaShortfalls");
        assertThat(d.path("generatedAt").asText()).isEqualTo("2025-02-12T08:00:00Z");
        assertThat(fields(d.path("totals"))).containsExactly("open", "overdue", "intakeToday", "quotaShortfalls");
        assertThat(d.path("totals").path("overdue").isIntegralNumber()).isTrue();
        assertThat(fields(d.path("openBySteps").get(0))).containsExactly("status", "title", "open", "overdue");
        assertThat(fields(d.path("departmentLoad").get(0)))
                .containsExactly("organization", "department", "title", "open", "overdue");
        assertThat(fields(d.path("intakeToday")))
                .containsExactly("total", "elevated", "answered", "notProcessed", "byNetwork", "messages");
        JsonNode b = null;
        for (JsonNode o : d.path("overdue")) {
            if (o.path("businessKey").asText().equals(messages.b())) {
                b = o;
            }
        }
        assertThat(b).isNotNull();
        assertThat(fields(b)).containsExactly("id", "organization", "businessKey", "status", "statusTitle", "importance",
                "departments", "executor", "network", "authorName", "topic", "text", "detectedAt", "detectedLocal",
                "step", "answer", "overdue", "assignee", "taskUrl", "cockpitUrl");
        assertThat(fields(b.path("step"))).containsExactly("step", "title", "rule", "due", "dueLocal",
                "calendarMinutesLeft", "workingMinutesLeft", "overdue", "calendarLeft", "workingLeft");
        assertThat(b.path("step").path("due").asText()).isEqualTo("2025-02-12T07:30:00Z");
        assertThat(b.path("step").path("workingMinutesLeft").asLong()).isEqualTo(-30);
        assertThat(b.path("departments").get(0).asText()).isEqualTo("yur");
        assertThat(d.path("quotaShortfalls").get(0).has("weekStart")).isTrue();
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(o -> ids.add(o.path("id").asText()));
        return ids;
    }

    private static List<String> keys(JsonNode array) {
        List<String> keys = new ArrayList<>();
        array.forEach(o -> keys.add(o.path("businessKey").asText()));
        return keys;
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
