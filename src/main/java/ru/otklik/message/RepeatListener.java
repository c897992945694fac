package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_ConfirmRepeat} (MSG-20): the specialist confirms or rejects the suspected repeat; a confirmed repeat
 * goes to the department that handled the earlier case (the classification form offers it).
 */
@Component("repeatListener")
class RepeatListener implements TaskListener {

    private final MessageSteps steps;

    RepeatListener(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        steps.decideRepeat(ProcessVariables.messageId(task), ProcessVariables.string(task, VAR_REPEAT_CANDIDATE),
                        ProcessVariables.string(task, VAR_REPEAT_CONFIRMED), ProcessVariables.actor(task))
                .ifPresent(earlier -> RepeatVariables.markRepeat(task.getExecution().getProcessInstance(), earlier));
    }
}
