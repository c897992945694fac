package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_ScheduleFinalAnswer} (MSG-17): after the intermediate answer the final one is due 7 working days
 * later (input {@code finalAnswerDue}, computed in the diagram); the next answer round runs against it.
 */
@Component("finalAnswerDelegate")
class FinalAnswerDelegate implements JavaDelegate {

    private final MessageSteps steps;

    FinalAnswerDelegate(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant due = ProcessVariables.instant(execution, VAR_FINAL_ANSWER_DUE);
        steps.finalAnswerScheduled(ProcessVariables.messageId(execution), due);
        DelegateExecution instance = execution.getProcessInstance();
        instance.setVariable(VAR_ANSWER_DUE, Date.from(due));
        instance.setVariable(VAR_ROUND_STARTED_AT, execution.getVariable(VAR_ANSWER_POSTED_AT));
        instance.setVariable(VAR_ANSWER_ROUND, ROUND_FINAL);
    }
}
