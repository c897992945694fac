package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * Start listener of every step with a deadline (MSG-8 … MSG-16): writes the step's due date — the local
 * variable {@code stepDue} that the step's input mapping computed from the diagram's durations, which the
 * task's due date and the boundary timers also use — and the status to the registry.
 */
@Component("stepStartedListener")
class StepStartedListener implements ExecutionListener {

    private final MessageRegistry registry;
    private final MessageDeadlines deadlines;

    StepStartedListener(MessageRegistry registry, MessageDeadlines deadlines) {
        this.registry = registry;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateExecution execution) {
        MessageStep step = stepOfActivity(execution.getCurrentActivityId()).orElseThrow(() ->
                new IllegalStateException(execution.getCurrentActivityId() + " is not a step with a deadline"));
        long messageId = ProcessVariables.messageId(execution);
        Instant due = ProcessVariables.instant(execution, VAR_STEP_DUE);
        registry.stepStarted(messageId, step, due);
        if (step == MessageStep.ROUTING) {
            // MSG-11: until the coordinator decides, the regular answer deadline applies
            String org = execution.getTenantId();
            Instant regular = ProcessVariables.instant(execution, VAR_REGULAR_ANSWER_DUE);
            registry.stepStarted(messageId, MessageStep.ANSWER, regular);
            execution.setVariableLocal(VAR_DEADLINE_TEXT, "Направить в отдел до " + deadlines.format(org, due)
                    + " (MSG-8). Срок ответа: при обычной важности — до " + deadlines.format(org, regular)
                    + " (MSG-11), при повышенной — до "
                    + deadlines.format(org, execution.getVariable(VAR_ELEVATED_ANSWER_DUE)) + " (MSG-12).");
        } else if (due != null) {
            execution.setVariableLocal(VAR_DEADLINE_TEXT, "Срок: до " + deadlines.format(execution.getTenantId(), due)
                    + " (" + ProcessVariables.ruleId(execution, step) + ").");
        }
    }
}
