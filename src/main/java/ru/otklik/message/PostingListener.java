package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static ru.otklik.message.MessageResponseProcess.*;

/** {@code Task_PostAnswer} (MSG-16): records the link and the time of the posted answer. */
@Component("postingListener")
class PostingListener implements TaskListener {

    private final MessageSteps steps;

    PostingListener(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        steps.posted(ProcessVariables.messageId(task), task.getTenantId(), ProcessVariables.string(task, VAR_ANSWER_URL),
                task.getVariable(VAR_ANSWER_POSTED_AT), ProcessVariables.instant(task, VAR_DETECTED_AT),
                ProcessVariables.actor(task), ProcessVariables.now());
    }
}
