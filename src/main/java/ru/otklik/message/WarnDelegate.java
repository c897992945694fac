package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The {@code Task_Warn*} service tasks after the warning timers (MSG-24): tells whoever holds the step that
 * its deadline is near. The step is the one the service task watches ({@link MessageResponseProcess}).
 */
@Component("warnDelegate")
class WarnDelegate implements JavaDelegate {

    private final MessageEscalations escalations;

    WarnDelegate(MessageEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageStep step = MessageResponseProcess.stepOfWatcher(execution.getCurrentActivityId()).orElseThrow(() ->
                new IllegalStateException(execution.getCurrentActivityId() + " watches no deadline"));
        escalations.warn(ProcessVariables.escalationCase(execution, execution.getProcessInstanceId()), step);
    }
}
