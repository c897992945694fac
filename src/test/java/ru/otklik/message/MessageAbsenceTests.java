package ru.otklik.message;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import ru.otklik.security.Staff;
import ru.otklik.web.InvalidFieldException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.otklik.message.MessageResponseProcess.*;

/**
 * The absence register (MSG-3, MSG-8): the substitute takes the absent coordinator's tasks; the executors receive
 * a message while the department's head is away, also for tasks open when the absence is entered. The tests use
 * February 2027, which no other test of the procedure uses, and remove their absences afterwards.
 */
@DisplayName("MessageResponse: substitutes and absences")
class MessageAbsenceTests extends MessageProcessTestSupport {

    private static final Staff SUBSTITUTE = new Staff("zags-substitute", Set.of("zags-coordinator-substitute"), Set.of(ORG));
    private static final Staff COORDINATOR = new Staff("zags-coordinator", Set.of("zags-coordinator"), Set.of(ORG));

    @Autowired
    AbsenceRegister absences;
    @Autowired
    TestRestTemplate rest;

    private final List<Long> entered = new ArrayList<>();

    @AfterEach
    void removeAbsences() {
        entered.forEach(id -> absences.delete(id, COORDINATOR));
        entered.clear();
    }

    @Test
    @DisplayName("MSG-3: while the coordinator is on leave, the coordinator's open task goes to the substitute (head of ОТО)")
    void coordinatorAbsent() {
        // Given the coordinator has taken the routing of a message on Monday 2027-02-15
        clock("2027-02-15T10:02");
        ProcessInstance instance = instance(reported("2027-02-15T10:00"));
        claim(instance, TASK_CLASSIFY, "zags-coordinator");

        // When the substitute enters the coordinator's leave from today to Friday
        clock("2027-02-15T10:05");
        Absence leave = add(SUBSTITUTE, "zags-coordinator", "2027-02-15", "2027-02-19", "leave");

        // Then the open task is the substitute's, who routes it with the same powers
        assertThat(leave.reason()).isEqualTo(AbsenceReason.LEAVE);
        assertThat(task(instance, TASK_CLASSIFY)).isAssignedTo("zags-substitute");
        assertThat(journal(entry(instance))).contains("reassigned");
        assertThat(absences.isAbsent(ORG, "zags-coordinator", at("2027-02-19T17:00"))).isTrue();
        assertThat(absences.isAbsent(ORG, "zags-coordinator", at("2027-02-20T09:00"))).isFalse();
        complete(instance, TASK_CLASSIFY, "zags-substitute", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "oto"));
        assertThat(instance).isWaitingAt(TASK_RECEIVE);

        // And a reversed period or an unknown reason is refused
        assertThatThrownBy(() -> absences.add(new AbsenceRequest(ORG, "zags-coordinator", LocalDate.parse("2027-02-19"),
                LocalDate.parse("2027-02-15"), "LEAVE"), SUBSTITUTE)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> absences.add(new AbsenceRequest(ORG, "zags-coordinator", LocalDate.parse("2027-02-15"),
                LocalDate.parse("2027-02-15"), "HOLIDAY"), SUBSTITUTE)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    @DisplayName("MSG-8: while the department head is ill, open and new receipts go straight to the department's executors")
    void departmentHeadAbsent() {
        // Given a message routed to IT on Tuesday 2027-02-16, awaiting receipt by the head or an executor
        clock("2027-02-16T10:02");
        ProcessInstance open = instance(reported("2027-02-16T10:00"));
        complete(open, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "it"));
        assertThat(groups(open)).contains("zags-heads-it", "zags-executors-it");

        // When the coordinator enters the head's illness over REST
        clock("2027-02-16T10:10");
        ResponseEntity<JsonNode> created = rest.withBasicAuth("zags-coordinator", "demo").postForEntity("/api/absences",
                Map.of("org", ORG, "userId", "zags-head-it", "from", "2027-02-16", "to", "2027-02-17", "reason", "ILLNESS"),
                JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        entered.add(created.getBody().get("id").asLong());

        // Then the open receipt is offered to the executors only
        assertThat(groups(open)).containsExactly("zags-executors-it");
        // and so is a message routed to IT while the head is away
        clock("2027-02-16T10:16");
        ProcessInstance later = instance(reported("2027-02-16T10:15"));
        complete(later, TASK_CLASSIFY, "zags-coordinator", form(VAR_IMPORTANCE, "REGULAR", VAR_DEPARTMENT, "it"));
        assertThat(groups(later)).containsExactly("zags-executors-it");
        complete(later, TASK_RECEIVE, "zags-executor-it", form(VAR_EXECUTOR, "zags-executor-it"));
        assertThat(later).isWaitingAt(TASK_DRAFT);

        // And the register is readable by staff of the organization
        ResponseEntity<JsonNode> list = rest.withBasicAuth("zags-specialist", "demo")
                .getForEntity("/api/absences?org=" + ORG, JsonNode.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody().findValuesAsText("userId")).contains("zags-head-it");
        // but only the coordinator, the substitute and administrators keep it
        assertThat(rest.withBasicAuth("zags-specialist", "demo").postForEntity("/api/absences", Map.of("org", ORG,
                "userId", "zags-head-it", "from", "2027-02-18", "to", "2027-02-18", "reason", "LEAVE"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @DisplayName("MSG-3: an absence entered in advance takes effect on the tasks open when it begins (hourly check of the case)")
    void absenceEnteredInAdvance() {
        // Given the coordinator has taken the routing on Wednesday 2027-02-17 at 17:50 and is away on Thursday
        clock("2027-02-17T17:48");
        ProcessInstance instance = instance(reported("2027-02-17T17:45"));
        claim(instance, TASK_CLASSIFY, "zags-coordinator");
        add(SUBSTITUTE, "zags-coordinator", "2027-02-18", "2027-02-18", "BUSINESS_TRIP");
        assertThat(task(instance, TASK_CLASSIFY)).isAssignedTo("zags-coordinator");

        // When the case's hourly check runs on Thursday morning
        clock("2027-02-18T09:00");
        fire(instance, "StartEvent_AbsenceCheck");

        // Then the task is the substitute's
        assertThat(task(instance, TASK_CLASSIFY)).isAssignedTo("zags-substitute");
        assertThat(instance).hasPassed("Task_ReassignAbsent", "EndEvent_AbsenceChecked");
    }

    private Absence add(Staff staff, String userId, String from, String to, String reason) {
        Absence absence = absences.add(new AbsenceRequest(ORG, userId, LocalDate.parse(from), LocalDate.parse(to), reason),
                staff);
        entered.add(absence.id());
        return absence;
    }

    private List<String> groups(ProcessInstance instance) {
        return tasks.getIdentityLinksForTask(task(instance, TASK_RECEIVE).getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).sorted().toList();
    }
}
