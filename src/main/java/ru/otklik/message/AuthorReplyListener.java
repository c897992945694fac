package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_RecordAuthorReply} (MSG-6, MSG-13): records the author's reply to the clarification request; its
 * detection starts the next answer round (the task's output mapping computes the answer deadline from it).
 */
@Component("authorReplyListener")
class AuthorReplyListener implements TaskListener {

    private final MessageSteps steps;

    AuthorReplyListener(MessageSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Instant at = steps.authorReplied(ProcessVariables.messageId(task), task.getTenantId(),
                task.getVariable(VAR_REPLY_DETECTED_AT), ProcessVariables.string(task, VAR_REPLY_TEXT),
                ProcessVariables.string(task, VAR_REPLY_URL), ProcessVariables.instant(task, VAR_ANSWER_POSTED_AT),
                ProcessVariables.actor(task), ProcessVariables.now());
        DelegateExecution instance = task.getExecution().getProcessInstance();
        Date reply = Date.from(at);
        instance.setVariable(VAR_REPLY_DETECTED_AT, reply);
        instance.setVariable(VAR_ROUND_STARTED_AT, reply);
        // MSG-13: the draft of this round counts from the reply, as from a receipt
        instance.setVariable(VAR_RECEIVED_AT, reply);
        instance.setVariable(VAR_ANSWER_ROUND, ROUND_REPLY);
    }
}
