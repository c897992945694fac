package ru.otklik.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.OtklikPostgresTest;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.account.AccountLifecycleProcess.*;
import static ru.otklik.account.AccountTesting.*;

/** The registry of accounts on a real PostgreSQL server: the migration, dates, time zones, the unique URL key. */
@OtklikPostgresTest
class AccountPostgresTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    AccountRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("ACC-4 on PostgreSQL: creation, the report due 30.11.2026 24:00, the audit as JSON, the duplicate URL refused")
    void lifecycle() {
        AccountTesting steps = new AccountTesting(rest, tasks, management, identity);
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        clockAt("2026-11-19T10:00");
        String url = "https://vk.com/pg_" + unique();
        JsonNode receipt = steps.requestCreation("zags-accounts", creation("zags", "VK", url, "ЗАГС, «PostgreSQL»"));
        String instance = receipt.path("processInstanceId").asText();
        steps.complete("zags-registry", instance, TASK_REVIEW_REQUEST, approve());
        steps.complete("zags-accounts", instance, TASK_SET_UP, setUp(url, "2026-11-19"));

        long id = receipt.path("id").asLong();
        Account account = registry.find(id).orElseThrow();
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.createdOn()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(registry.reports(id).get(0).dueAt()).isEqualTo(kuzbass("2026-12-01T00:00"));
        assertThat(steps.task(instance, TASK_REPORT).getDueDate().toInstant()).isEqualTo(kuzbass("2026-12-01T00:00"));
        JsonNode detail = steps.get("zags-registry", "/api/accounts/" + id).getBody();
        assertThat(detail.path("registeredAt").asText()).isEqualTo("2026-11-19T10:00:00+07:00");
        assertThat(detail.path("audit").get(0).path("newValues").path("displayName").asText()).isEqualTo("ЗАГС, «PostgreSQL»");

        ResponseEntity<JsonNode> duplicate = steps.post("zags-registry", "/api/accounts",
                creation("zags", "VK", url.replace("https://", "http://www."), "Снова"));
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(duplicate.getBody().path("field").asText()).isEqualTo("url");

        steps.complete("zags-registry", instance, TASK_REPORT, Map.of());
        steps.executeDueJobs(instance);
        assertThat(registry.reports(id).get(0).late()).isFalse();
        assertThat(registry.reports(id).get(0).recipientProcessInstanceId()).isNotNull();
        assertThat(rest.getForObject("/api/registry/accounts?org=zags", String.class)).contains(url);
    }
}
