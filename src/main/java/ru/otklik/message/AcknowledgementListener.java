package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static ru.otklik.message.MessageResponseProcess.*;

/** {@code Task_AcknowledgeElevated} (MSG-26): the head of the body read the report; records it with any instructions. */
@Component("acknowledgementListener")
class AcknowledgementListener implements TaskListener {

    static final String VAR_HEAD_INSTRUCTIONS = "headInstructions";

    private final MessageSteps steps;

    AcknowledgementListener(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        steps.acknowledged(ProcessVariables.messageId(task), ProcessVariables.actor(task),
                ProcessVariables.string(task, VAR_HEAD_INSTRUCTIONS), ProcessVariables.now());
    }
}
