package ru.otklik.message;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static ru.otklik.message.MessageResponseProcess.*;

/**
 * {@code Task_PostAnswer} (MSG-16): records the link and the time of the posted answer, of its kind: final,
 * intermediate (MSG-17) or a clarification request (MSG-6, MSG-13).
 */
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
        String kind = ProcessVariables.string(task, VAR_ANSWER_KIND);
        java.time.Instant at = steps.posted(ProcessVariables.messageId(task), task.getTenantId(),
                ProcessVariables.string(task, VAR_ANSWER_URL), task.getVariable(VAR_ANSWER_POSTED_AT),
                ProcessVariables.instant(task, VAR_DETECTED_AT),
                kind == null ? AnswerKind.FINAL : AnswerKind.valueOf(kind), ProcessVariables.actor(task),
                ProcessVariables.now());
        // MSG-17: the final answer's deadline counts from this instant
        task.getExecution().getProcessInstance().setVariable(VAR_ANSWER_POSTED_AT, java.util.Date.from(at));
    }
}
