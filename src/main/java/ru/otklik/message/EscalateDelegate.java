package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The {@code Task_Escalate*} service tasks after the deadline timers (MSG-24, MSG-27): records the breach
 * and notifies. The step is the one the service task watches ({@link MessageResponseProcess}).
 */
@Component("escalateDelegate")
class EscalateDelegate implements JavaDelegate {

    private final MessageEscalations escalations;

    EscalateDelegate(MessageEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageStep step = MessageResponseProcess.stepOfWatcher(execution.getCurrentActivityId()).orElseThrow(() ->
                new IllegalStateException(execution.getCurrentActivityId() + " watches no deadline"));
        escalations.escalate(ProcessVariables.escalationCase(execution, execution.getProcessInstanceId()), step);
    }
}
