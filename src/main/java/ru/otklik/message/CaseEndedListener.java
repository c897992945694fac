package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End listener of the process: a case cancelled (in Cockpit) before the answer is marked so in the registry. */
@Component("caseEndedListener")
class CaseEndedListener implements ExecutionListener {

    private final MessageSteps steps;
    private final MessageRegistry registry;

    CaseEndedListener(MessageSteps steps, MessageRegistry registry) {
        this.steps = steps;
        this.registry = registry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!execution.isCanceled() || execution.getVariable(MessageResponseProcess.VAR_MESSAGE_ID) == null) {
            return;
        }
        long id = ProcessVariables.messageId(execution);
        boolean answered = registry.find(id).map(e -> e.status() == MessageStatus.ANSWERED).orElse(true);
        if (!answered) {
            steps.cancelled(id, "Экземпляр процесса отменён", ProcessVariables.now());
        }
    }
}
