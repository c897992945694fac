package ru.otklik.integration.posting;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;
import ru.otklik.system.EngineChecks;

import java.util.List;

/**
 * {@code Task_PostAnswer} after the API did not post the answer (MSG-16): while the specialist posts by hand,
 * an incident on the task tells the supervisor in Cockpit why (the variable {@link #VAR_FAILURE} that the
 * error boundary event set); posting by hand resolves it.
 */
@Component("publishFailureListener")
class PublishFailureListener implements TaskListener {

    /** The error message of {@link PublishAnswerDelegate#ERROR_NOT_PUBLISHED}, local to the posting step. */
    static final String VAR_FAILURE = "publishFailure";
    /** The incident type Cockpit shows. */
    static final String INCIDENT_TYPE = "answerNotPublished";

    private final RuntimeService runtime;

    PublishFailureListener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Object failure = task.getVariable(VAR_FAILURE);
            if (failure != null) {
                EngineChecks.withoutChecks(() -> runtime.createIncident(INCIDENT_TYPE, task.getExecutionId(),
                        task.getTaskDefinitionKey(), failure.toString()));
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            EngineChecks.withoutChecks(() -> {
                List<Incident> open = runtime.createIncidentQuery().executionId(task.getExecutionId())
                        .incidentType(INCIDENT_TYPE).list();
                open.forEach(incident -> runtime.resolveIncident(incident.getId()));
            });
        }
    }
}
