package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Objects;

import static ru.otklik.message.MessageResponseProcess.*;
import static ru.otklik.message.ProcessVariables.string;

/**
 * {@code Task_RegisterMessage} (MSG-8): a case started by the REST intake links its registry entry; a case
 * started from the Tasklist registration form enters the message in the registry first. Then looks for an earlier
 * case the message repeats (MSG-20).
 */
@Component("registerMessageDelegate")
class RegisterMessageDelegate implements JavaDelegate {

    private final MessageSteps steps;
    private final MessageDeadlines deadlines;
    private final MessagesProperties properties;

    RegisterMessageDelegate(MessageSteps steps, MessageDeadlines deadlines, MessagesProperties properties) {
        this.steps = steps;
        this.deadlines = deadlines;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageEntry entry;
        if (execution.getVariable(VAR_MESSAGE_ID) != null) {
            entry = steps.caseStarted(ProcessVariables.messageId(execution), execution.getProcessInstanceId());
        } else {
            String actor = string(execution, VAR_REGISTERED_BY);
            entry = steps.registerDetected(new MessageSteps.Detected(execution.getTenantId(),
                    string(execution, VAR_NETWORK), string(execution, VAR_URL), string(execution, VAR_EXTERNAL_ID),
                    string(execution, VAR_AUTHOR_NAME), string(execution, VAR_AUTHOR_ID), string(execution, VAR_TEXT),
                    execution.getVariable(VAR_DETECTED_AT), execution.getVariable("postedAt"),
                    string(execution, VAR_TOPIC), string(execution, VAR_LOCATION)),
                    actor != null ? actor : ProcessVariables.currentUser(), execution.getProcessInstanceId(),
                    ProcessVariables.now());
            execution.setVariable(VAR_MESSAGE_ID, entry.id());
            execution.setVariable(VAR_ORGANIZATION, entry.organization());
            execution.setProcessBusinessKey(entry.businessKey());
        }
        setIfChanged(execution, VAR_BUSINESS_KEY, entry.businessKey());
        // one type for the deadline expressions, whichever way the case started
        setIfChanged(execution, VAR_DETECTED_AT, Date.from(entry.detectedAt()));
        execution.setVariable(VAR_DETECTED_AT_TEXT, deadlines.format(entry.organization(), entry.detectedAt()));
        // MSG-20: a repeat by reference is linked at once; a match is offered to the specialist (Task_ConfirmRepeat)
        steps.checkRepeat(entry, string(execution, VAR_REPEAT_OF), properties.repeatWindow(),
                        string(execution, VAR_REGISTERED_BY))
                .ifPresent(check -> {
                    if (check.confirmed()) {
                        RepeatVariables.markRepeat(execution, check.earlier());
                    } else {
                        execution.setVariable(VAR_REPEAT_CANDIDATE, check.earlier().businessKey());
                        execution.setVariable(VAR_REPEAT_TEXT, "Возможно, повтор обращения "
                                + check.earlier().businessKey() + " от "
                                + deadlines.format(entry.organization(), check.earlier().detectedAt())
                                + ": тот же автор, сеть и тема. Текст: " + check.earlier().text());
                    }
                });
    }

    /**
     * A case started by the intake already holds these values: setting them again would only write a variable
     * update and its history for nothing.
     */
    private static void setIfChanged(DelegateExecution execution, String name, Object value) {
        if (!Objects.equals(execution.getVariable(name), value)) {
            execution.setVariable(name, value);
        }
    }
}
