package ru.otklik.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import ru.otklik.organization.Role;
import ru.otklik.support.OtklikSpringTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff see only their own organization's work: tenant checks hide other organizations' tasks and
 * process instances even from a supervisor who holds global read permissions.
 */
@OtklikSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTests {

    private static final String PROCESS = "TenantIsolationProbe";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;

    private final List<Deployment> deployments = new ArrayList<>();
    private final Map<String, String> taskOf = new java.util.HashMap<>();
    private final Map<String, String> instanceOf = new java.util.HashMap<>();

    // Once per class, but inside a test method: process test coverage records only within a test.
    @BeforeEach
    void oneCasePerOrganization() {
        if (!deployments.isEmpty()) {
            return;
        }
        for (String org : List.of("zags", "minzdrav")) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Probe").name("Проверка").camundaCandidateGroups(Role.SPECIALIST.groupId(org))
                    .endEvent().done();
            deployments.add(repository.createDeployment().tenantId(org).name(PROCESS)
                    .addModelInstance(PROCESS + ".bpmn", model).deploy());
            String instance = runtime.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(org)
                    .businessKey(org + "-probe").execute().getId();
            instanceOf.put(org, instance);
            taskOf.put(org, tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
    }

    @AfterAll
    void cleanUp() {
        deployments.forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(user + " GET " + path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> field(JsonNode array, String name) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(name).asText()).toList();
    }

    @Test
    @DisplayName("a zags supervisor sees zags tasks and instances over /engine-rest, none of minzdrav's")
    void zagsSeesNoMinzdrav() {
        JsonNode taskList = get("zags-coordinator", "/engine-rest/task?processDefinitionKey=" + PROCESS);
        assertThat(field(taskList, "id")).containsExactly(taskOf.get("zags"));
        assertThat(field(taskList, "tenantId")).containsOnly("zags");
        JsonNode instances = get("zags-coordinator", "/engine-rest/process-instance?processDefinitionKey=" + PROCESS);
        assertThat(field(instances, "id")).containsExactly(instanceOf.get("zags"));
    }

    @Test
    @DisplayName("a minzdrav supervisor sees minzdrav tasks and instances, none of zags's")
    void minzdravSeesNoZags() {
        JsonNode taskList = get("minzdrav-coordinator", "/engine-rest/task?processDefinitionKey=" + PROCESS);
        assertThat(field(taskList, "id")).containsExactly(taskOf.get("minzdrav"));
        JsonNode instances = get("minzdrav-coordinator", "/engine-rest/process-instance?processDefinitionKey=" + PROCESS);
        assertThat(field(instances, "id")).containsExactly(instanceOf.get("minzdrav"));
    }

    @Test
    @DisplayName("a zags specialist sees the zags task of the group and cannot open or claim minzdrav's")
    void specialistCannotReachOtherTenant() {
        assertThat(field(get("zags-specialist", "/engine-rest/task?processDefinitionKey=" + PROCESS), "id"))
                .containsExactly(taskOf.get("zags"));
        ResponseEntity<String> foreign = rest.withBasicAuth("zags-specialist", "demo")
                .getForEntity("/engine-rest/task/" + taskOf.get("minzdrav"), String.class);
        assertThat(foreign.getStatusCode().is4xxClientError()).as(foreign.toString()).isTrue();
        ResponseEntity<String> claim = rest.withBasicAuth("zags-specialist", "demo").postForEntity(
                "/engine-rest/task/" + taskOf.get("minzdrav") + "/claim", Map.of("userId", "zags-specialist"), String.class);
        // The engine refuses with ENGINE-13034, which the app's engine REST error mapping answers with 403.
        assertThat(claim.getStatusCode()).as(claim.toString()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claim.getBody()).contains("belongs to no authenticated tenant");
        assertThat(tasks.createTaskQuery().taskId(taskOf.get("minzdrav")).singleResult().getAssignee()).isNull();
    }

    @Test
    @DisplayName("a zags specialist cannot start a case of minzdrav over /engine-rest by naming the organization")
    void cannotStartCaseOfOtherOrganization() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("MessageResponse").count();
        Map<String, Object> body = Map.of("variables", Map.of(
                "organization", Map.of("value", "minzdrav", "type", "String"),
                "text", Map.of("value", "Проверка", "type", "String")));
        ResponseEntity<String> start = rest.withBasicAuth("zags-specialist", "demo").postForEntity(
                "/engine-rest/process-definition/key/MessageResponse/start", body, String.class);
        assertThat(start.getStatusCode().is2xxSuccessful()).as(start.toString()).isFalse();
        assertThat(start.getBody()).contains("не может начать дело организации minzdrav");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("MessageResponse").count()).isEqualTo(before);
    }

    @Test
    @DisplayName("the same holds through the Java API under an authenticated user")
    void javaApi() {
        try {
            identity.setAuthentication("zags-coordinator", List.of(Role.COORDINATOR.groupId("zags")), List.of("zags"));
            assertThat(tasks.createTaskQuery().processDefinitionKey(PROCESS).list())
                    .extracting(t -> t.getTenantId()).containsExactly("zags");
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list())
                    .extracting(p -> p.getTenantId()).containsExactly("zags");
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    @DisplayName("the superuser sees both organizations")
    void superuserSeesAll() {
        assertThat(field(get("demo", "/engine-rest/task?processDefinitionKey=" + PROCESS), "tenantId"))
                .containsExactlyInAnyOrder("zags", "minzdrav");
    }

    @Test
    @DisplayName("/engine-rest refuses calls without credentials or with a wrong password")
    void engineRestNeedsLogin() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // A wrong password makes Camunda hold the user back for a while: use a login no other test needs.
        assertThat(rest.withBasicAuth("minsoc-head", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
