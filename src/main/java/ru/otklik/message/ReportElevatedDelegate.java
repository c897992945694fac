package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ReportElevated} (MSG-26): reports a message of elevated importance at once. */
@Component("reportElevatedDelegate")
class ReportElevatedDelegate implements JavaDelegate {

    private final MessageEscalations escalations;

    ReportElevatedDelegate(MessageEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.reportElevated(ProcessVariables.escalationCase(execution, execution.getProcessInstanceId()));
    }
}
