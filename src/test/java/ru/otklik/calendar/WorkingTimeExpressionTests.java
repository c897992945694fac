package ru.otklik.calendar;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.calendar.WorkingTimeFixtures.local;

/**
 * The bean inside a real engine: timer {@code timeDate} expressions resolve the right overload (execution or
 * organization id) and the engine takes the returned {@code Date} as the due date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingTimeExpressionTests {

    private ProcessEngine engine;

    @BeforeAll
    void startEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("working-time-expressions");
        configuration.setJdbcUrl("jdbc:h2:mem:working-time-expressions;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("none");
        configuration.setBeans(Map.of("workingTime",
                new WorkingTime(WorkingTimeFixtures.schedules(), WorkingTimeFixtures.calendar())));
        engine = configuration.buildProcessEngine();
    }

    @AfterAll
    void stopEngine() {
        engine.close();
    }

    private Date dueDate(String expression, Map<String, Object> variables) {
        String key = "Timer" + Integer.toHexString(expression.hashCode());
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("TimerEvent_Due").timerWithDate(expression)
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().tenantId("zags")
                .addModelInstance(key + ".bpmn", model).deploy();
        String instance = engine.getRuntimeService().createProcessInstanceByKey(key)
                .processDefinitionTenantId("zags").setVariables(variables).execute().getId();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        return job.getDuedate();
    }

    @Test
    @DisplayName("MSG-8: ${workingTime.after(execution, detectedAt, 'PT25M')} takes the tenant as organization")
    void afterWithExecution() {
        Date due = dueDate("${workingTime.after(execution, detectedAt, 'PT25M')}",
                Map.of("detectedAt", Date.from(local("2027-03-05T17:50"))));
        // Fri 10 min, weekend, Mon 8 March holiday, Tue 15 min.
        assertThat(due).isEqualTo(Date.from(local("2027-03-09T09:15")));
    }

    @Test
    @DisplayName("MSG-11: an organization id and an ISO string variable work too")
    void afterWithOrganizationId() {
        Date due = dueDate("${workingTime.after('zags', detectedAt, 'PT8H')}",
                Map.of("detectedAt", "2026-12-30T17:30:00+07:00"));
        assertThat(due).isEqualTo(Date.from(local("2027-01-11T17:30")));
    }

    @Test
    @DisplayName("MSG-13: the draft is due at the earlier of receipt + 5 h and the deadline − 2 h 30 min")
    void earlierOfTwoLimits() {
        Date due = dueDate("${workingTime.min(workingTime.after(execution, receivedAt, 'PT5H'),"
                        + " workingTime.before(execution, answerDue, 'PT2H30M'))}",
                Map.of("receivedAt", Date.from(local("2027-03-01T11:00")),
                        "answerDue", Date.from(local("2027-03-02T10:00"))));
        // Receipt + 5 h = Mon 17:00; deadline − 2 h 30 min = Mon 16:30 (Tue 09–10, Mon 18:00 − 1 h 30 min).
        assertThat(due).isEqualTo(Date.from(local("2027-03-01T16:30")));
    }

    @Test
    @DisplayName("MSG-17: seven working days after an intermediate answer")
    void workingDays() {
        Date due = dueDate("${workingTime.workingDaysAfter(execution, sentAt, 7)}",
                Map.of("sentAt", Date.from(local("2027-03-01T10:00"))));
        assertThat(due).isEqualTo(Date.from(local("2027-03-11T18:00")));
    }
}
