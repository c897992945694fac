package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_ModerateMessage} (MSG-23, ACC-10): records in the moderation log that the comment was deleted and
 * whether the author was blacklisted; the message gets no answer.
 */
@Component("moderationListener")
class ModerationListener implements TaskListener {

    private final MessageSteps steps;

    ModerationListener(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        steps.moderated(ProcessVariables.messageId(task), task.getTenantId(),
                ProcessVariables.string(task, VAR_MODERATION_REASON), task.getVariable(VAR_COMMENT_DELETED),
                task.getVariable(VAR_AUTHOR_BLACKLISTED), ProcessVariables.string(task, VAR_MODERATION_NOTES),
                ProcessVariables.actor(task), ProcessVariables.now());
    }
}
