package ru.otklik.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data and steps shared by the account tests: staff acting in Tasklist, the clock, timers and jobs. */
final class AccountTesting {

    private final TestRestTemplate rest;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;

    AccountTesting(TestRestTemplate rest, TaskService tasks, ManagementService management, IdentityService identity) {
        this.rest = rest;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
    }

    /** Sets the engine clock to a local time in Kuzbass, e.g. {@code 2026-11-19T10:00}. */
    static void clockAt(String kuzbassLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(kuzbass(kuzbassLocalDateTime)));
    }

    static Instant kuzbass(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + (localDateTime.length() == 16 ? ":00" : "") + "+07:00").toInstant();
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A creation request body, ready to post. */
    static Map<String, Object> creation(String org, String network, String url, String displayName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("org", org);
        body.put("network", network);
        body.put("url", url);
        body.put("displayName", displayName);
        body.put("externalId", "club" + Math.abs(url.hashCode()));
        body.put("purpose", "Аккаунт органа");
        return body;
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, "demo").postForEntity(path, body, JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    /** {@code POST /api/accounts} that must succeed; the receipt. */
    JsonNode requestCreation(String user, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = post(user, "/api/accounts", body);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    /** The one open task of the instance at that activity. */
    Task task(String processInstanceId, String activityId) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
                .singleResult();
        assertThat(task).as("open task " + activityId + " of " + processInstanceId).isNotNull();
        return task;
    }

    /** Runs {@code action} as the user, as Tasklist does: with the user's groups and tenants. */
    <T> T as(String userId, Supplier<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identity.setAuthentication(userId, groups, tenants);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The user claims and completes the task at that activity with the form's variables. */
    void complete(String userId, String processInstanceId, String activityId, Map<String, Object> variables) {
        Task task = task(processInstanceId, activityId);
        as(userId, () -> {
            tasks.claim(task.getId(), userId);
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    /** Executes the jobs of the instance that are due now (async continuations and due timers), until none is left. */
    void executeDueJobs(String processInstanceId) {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** The timer job of a boundary or start event of the instance. */
    Job timer(String processInstanceId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
                .singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    /** Form variables of Task_SetUpAccount with the ACC-9 checklist done. */
    static Map<String, Object> setUp(String url, String createdOn) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("url", url);
        form.put("createdOn", createdOn);
        form.put("textDescription", true);
        form.put("designedVisuals", true);
        form.put("officialPage", true);
        form.put("twoFactorEnabled", true);
        form.put("administrators", "Иванова Мария Петровна\nzags-accounts");
        return form;
    }

    static Map<String, Object> approve() {
        return Map.of("decision", "APPROVE");
    }
}
